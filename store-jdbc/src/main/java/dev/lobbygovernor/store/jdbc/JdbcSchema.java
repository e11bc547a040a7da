package dev.lobbygovernor.store.jdbc;

import dev.lobbygovernor.store.StoreException;
import dev.lobbygovernor.store.jdbc.internal.Database;
import dev.lobbygovernor.store.jdbc.internal.Migrations;
import java.util.List;
import javax.sql.DataSource;

/**
 * The store's schema: versioned SQL migrations on the classpath, applied either by the host's
 * Flyway (point it at {@link #FLYWAY_LOCATION}) or by {@link #migrate(DataSource)} for hosts
 * without Flyway. Use one or the other for a database, not both: each keeps its own history.
 *
 * <p>The tables, unqualified so that they land in the schema the connection's
 * {@code search_path} names first: {@code lobby_governor_lobby_record} and
 * {@code lobby_governor_reservation}, and for {@link #migrate} its history,
 * {@code lobby_governor_schema_history}. None has a foreign key to the host's sessions.
 */
public final class JdbcSchema {

    /** The migrations as a Flyway location: {@code classpath:dev/lobbygovernor/store/jdbc/migration}. */
    public static final String FLYWAY_LOCATION = "classpath:" + Migrations.LOCATION;

    private JdbcSchema() {
    }

    /**
     * Applies the migrations the database lacks, in version order, in one transaction. Safe to
     * call on every start, from every replica at once: an advisory lock lets one replica
     * migrate while the others wait, and then find nothing to do.
     *
     * @param dataSource the database to migrate; its user needs to create tables
     * @return the versions applied by this call, oldest first; empty if the schema was current
     * @throws StoreException if the database fails (then nothing was applied), or a version
     *     recorded as applied came from a different file than this release ships
     */
    public static List<Integer> migrate(DataSource dataSource) {
        return Migrations.migrate(new Database(dataSource, JdbcStoreConfig.defaults()));
    }

    /**
     * The migration files, oldest first, as they lie in {@link #FLYWAY_LOCATION}.
     *
     * @return the file names, such as {@code V1__lobby_records_and_reservations.sql}
     */
    public static List<String> migrationFiles() {
        return Migrations.FILES;
    }
}
