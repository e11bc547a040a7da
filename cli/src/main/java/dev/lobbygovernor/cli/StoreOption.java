package dev.lobbygovernor.cli;

import dev.lobbygovernor.store.SessionStore;
import dev.lobbygovernor.store.jdbc.JdbcSessionStore;
import dev.lobbygovernor.store.jdbc.JdbcStoreConfig;
import dev.lobbygovernor.store.jdbc.SessionLookup;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;
import picocli.CommandLine.Option;

/**
 * {@code --store-url} and its companions: the host's PostgreSQL store ({@code store-jdbc}), opened
 * read-only. Credentials come from the options, else from {@value #USER_ENV} and
 * {@value #PASSWORD_ENV}, else from the URL itself; none is ever printed.
 */
final class StoreOption {

    /** The environment variable the store's user comes from when {@code --store-user} is not given. */
    static final String USER_ENV = "LOBBY_GOVERNOR_STORE_USER";
    /** The environment variable the store's password comes from when {@code --store-password} is not given. */
    static final String PASSWORD_ENV = "LOBBY_GOVERNOR_STORE_PASSWORD";

    @Option(names = "--store-url", paramLabel = "JDBC_URL",
            description = "The host's PostgreSQL store, jdbc:postgresql://HOST:PORT/DATABASE (migrated by JdbcSchema). "
                    + "Without it, only the Wolf-side part of the plan is shown.")
    String url;

    @Option(names = "--store-user", paramLabel = "USER",
            description = "The store's user (default: $" + USER_ENV + ", else the URL's).")
    String user;

    @Option(names = "--store-password", paramLabel = "PASSWORD",
            description = "The store's password (default: $" + PASSWORD_ENV + ", which other users cannot see in "
                    + "the process list: prefer it).")
    String password;

    @Option(names = "--sessions-table", paramLabel = "TABLE", defaultValue = "sessions",
            description = "Your sessions table, as JdbcSessionStore reads it (default: ${DEFAULT-VALUE}).")
    String sessionsTable;

    @Option(names = "--session-id-column", paramLabel = "COLUMN", defaultValue = "id",
            description = "Its id column (default: ${DEFAULT-VALUE}).")
    String idColumn;

    @Option(names = "--session-id-type", paramLabel = "TYPE", defaultValue = "text",
            description = "The id column's type, such as uuid (default: ${DEFAULT-VALUE}).")
    String idType;

    @Option(names = "--session-deleted-column", paramLabel = "COLUMN",
            description = "Its soft-delete column, if sessions are soft-deleted (default: none).")
    String deletedColumn;

    /** Whether a store was named. */
    boolean given() {
        return url != null;
    }

    /** The URL without its query (which may hold a password), for output. */
    String shownUrl() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /**
     * The store, read-only: every connection runs in read-only transactions, so the database
     * itself refuses a write.
     *
     * @throws CommandFailure if the URL is not a PostgreSQL JDBC URL or a table name is not a
     *     plain identifier
     */
    SessionStore open(Map<String, String> env) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new CommandFailure(ExitCode.USAGE, "--store-url must be a PostgreSQL JDBC URL, "
                    + "jdbc:postgresql://HOST:PORT/DATABASE; was " + shownUrl());
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        Optional.ofNullable(user).or(() -> Optional.ofNullable(env.get(USER_ENV))).ifPresent(ds::setUser);
        Optional.ofNullable(password).or(() -> Optional.ofNullable(env.get(PASSWORD_ENV))).ifPresent(ds::setPassword);
        ds.setOptions("-c default_transaction_read_only=on");
        ds.setConnectTimeout(5);
        ds.setLoginTimeout(10);
        ds.setSocketTimeout(30);
        SessionLookup lookup;
        try {
            lookup = SessionLookup.table(sessionsTable, idColumn, idType, deletedColumn);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCode.USAGE, "bad sessions table option: " + e.getMessage());
        }
        return JdbcSessionStore.create(ds, lookup,
                JdbcStoreConfig.builder().queryTimeout(Duration.ofSeconds(20)).build());
    }
}
