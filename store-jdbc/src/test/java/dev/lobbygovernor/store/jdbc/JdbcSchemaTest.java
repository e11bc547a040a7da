package dev.lobbygovernor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.store.jdbc.testing.PostgresFixture;
import java.io.File;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The migrations and {@link JdbcSchema#migrate}, on real PostgreSQL. */
class JdbcSchemaTest {

    @Test
    void migrateAppliesEachVersionOnceAndThenNothing() {
        DataSource ds = PostgresFixture.shared().freshDatabase().newDataSource();
        assertThat(JdbcSchema.migrate(ds)).containsExactly(1, 2);
        assertThat(JdbcSchema.migrate(ds)).isEmpty();
        assertThat(query(ds, "SELECT version FROM lobby_governor_schema_history ORDER BY version"))
                .containsExactly("1", "2");
    }

    @Test
    void aDatabaseMigratedBeforeGpuPlacementKeepsItsRowsAndReadsThemAsOnNoGpu() throws Exception {
        DataSource ds = PostgresFixture.shared().freshDatabase().newDataSource();
        JdbcSchema.migrate(ds);
        // back to the first version alone, as a database made before the GPU column existed
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("ALTER TABLE lobby_governor_lobby_record DROP COLUMN gpu");
            st.execute("ALTER TABLE lobby_governor_reservation DROP COLUMN gpu");
            st.execute("DELETE FROM lobby_governor_schema_history WHERE version = 2");
            st.execute("INSERT INTO lobby_governor_lobby_record VALUES ('l1', 'h', 's', '0042', now(), now())");
        }

        assertThat(JdbcSchema.migrate(ds)).containsExactly(2);

        JdbcSessionStore store = JdbcSessionStore.create(ds, SessionLookup.table("app_sessions", "id", "deleted_at"));
        assertThat(store.findLobby("l1")).get().satisfies(r -> {
            assertThat(r.gpu()).isEmpty();
            assertThat(r.pin()).isEqualTo(dev.lobbygovernor.store.LobbyPin.of("0042"));
        });
    }

    @Test
    void replicasMigratingAtOnceApplyEachVersionOnce() throws Exception {
        PostgresFixture.TestDatabase db = PostgresFixture.shared().freshDatabase();
        int replicas = 6;
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                DataSource own = db.unpooledDataSource();
                results.add(pool.submit(() -> {
                    start.await();
                    return JdbcSchema.migrate(own);
                }));
            }
            start.countDown();
            List<List<Integer>> applied = new ArrayList<>();
            for (Future<List<Integer>> f : results) {
                applied.add(f.get(60, TimeUnit.SECONDS));
            }
            assertThat(applied).filteredOn(a -> !a.isEmpty()).containsExactly(List.of(1, 2));
            assertThat(Collections.frequency(applied, List.of())).isEqualTo(replicas - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theStoresTablesHaveNoForeignKeyAtAll() {
        DataSource ds = PostgresFixture.shared().freshDatabase().newDataSource();
        JdbcSchema.migrate(ds);
        assertThat(query(ds, "SELECT count(*) FROM information_schema.table_constraints WHERE constraint_type ="
                + " 'FOREIGN KEY' AND table_name LIKE 'lobby_governor%'")).containsExactly("0");
    }

    @Test
    void indexesServeTheHostAndIdleQueries() {
        DataSource ds = PostgresFixture.shared().freshDatabase().newDataSource();
        JdbcSchema.migrate(ds);
        assertThat(query(ds, "SELECT indexdef FROM pg_indexes WHERE tablename LIKE 'lobby_governor%' ORDER BY indexname"))
                .anyMatch(d -> d.contains("lobby_governor_lobby_record") && d.contains("(host_id, created_at)"))
                .anyMatch(d -> d.contains("lobby_governor_lobby_record") && d.contains("(last_activity_at)"))
                .anyMatch(d -> d.contains("lobby_governor_reservation") && d.contains("(host_id, created_at)"));
    }

    @Test
    void theListOfMigrationsIsTheMigrationDirectory() throws Exception {
        URL dir = JdbcSchemaTest.class.getResource("/" + JdbcSchema.FLYWAY_LOCATION.substring("classpath:".length()));
        assertThat(dir).isNotNull();
        String[] files = new File(dir.toURI()).list();
        assertThat(files).isNotNull();
        Arrays.sort(files);
        assertThat(JdbcSchema.migrationFiles()).containsExactly(files);
        assertThat(files).allMatch(f -> f.matches("V\\d+__\\w+\\.sql"));
    }

    private static List<String> query(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
