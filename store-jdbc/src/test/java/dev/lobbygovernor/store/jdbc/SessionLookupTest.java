package dev.lobbygovernor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.store.SessionState;
import dev.lobbygovernor.store.StoreException;
import dev.lobbygovernor.store.jdbc.testing.CountingDataSource;
import dev.lobbygovernor.store.jdbc.testing.PostgresFixture;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ways a host's sessions are read, on real PostgreSQL. */
class SessionLookupTest {

    private static final Instant DELETED = Instant.parse("2024-05-01T12:00:00.123Z");
    private static DataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = PostgresFixture.shared().freshDatabase().newDataSource();
        JdbcSchema.migrate(dataSource);
        HostSessionsTable.execute(dataSource, "CREATE SCHEMA app");
        HostSessionsTable.execute(dataSource, "CREATE TABLE app.\"Sessions\" (\"Id\" uuid PRIMARY KEY, removed_at timestamptz)");
        HostSessionsTable.execute(dataSource, "CREATE TABLE plain_sessions (session_key text PRIMARY KEY)");
        HostSessionsTable.execute(dataSource, "CREATE TABLE soft_sessions (id text PRIMARY KEY, deleted_at timestamptz)");
    }

    @Test
    void readsAUuidKeyedSchemaQualifiedTableByTheIdsAsAsked() {
        UUID live = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        HostSessionsTable.execute(dataSource, "INSERT INTO app.\"Sessions\" VALUES ('" + live + "', NULL), ('"
                + deleted + "', '" + DELETED + "')");
        JdbcSessionStore store = JdbcSessionStore.create(dataSource,
                SessionLookup.table("app.Sessions", "Id", "uuid", "removed_at"));
        // asked in capitals: the answer is keyed as asked, though PostgreSQL spells uuids in lowercase
        String asked = live.toString().toUpperCase();
        assertThat(store.findSessions(List.of(asked, deleted.toString(), UUID.randomUUID().toString().substring(0, 36))))
                .containsEntry(asked, SessionState.present(asked))
                .containsEntry(deleted.toString(), SessionState.softDeleted(deleted.toString(), DELETED))
                .hasSize(3);
    }

    @Test
    void readsATableWithoutSoftDeletes() {
        HostSessionsTable.execute(dataSource, "INSERT INTO plain_sessions VALUES ('p1')");
        JdbcSessionStore store = JdbcSessionStore.create(dataSource, SessionLookup.table("plain_sessions", "session_key", null));
        assertThat(store.findSession("p1")).isEqualTo(SessionState.present("p1"));
        assertThat(store.findSession("p2")).isEqualTo(SessionState.gone("p2"));
    }

    @Test
    void answersAnyNumberOfSessionsWithOneQuery() {
        CountingDataSource counting = new CountingDataSource(dataSource);
        JdbcSessionStore store = JdbcSessionStore.create(counting, SessionLookup.table("soft_sessions", "id", "deleted_at"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String id = "one-query-" + i;
            ids.add(id);
            if (i % 3 == 0) {
                HostSessionsTable.execute(dataSource, "INSERT INTO soft_sessions VALUES ('" + id + "', NULL)");
            }
        }
        counting.reset();
        Map<String, SessionState> found = store.findSessions(ids);
        assertThat(found).hasSize(500);
        assertThat(found.get("one-query-3").isLive()).isTrue();
        assertThat(found.get("one-query-4").status()).isEqualTo(SessionState.Status.GONE);
        assertThat(counting.executed()).hasSize(1);
    }

    @Test
    void takesTheHostsOwnFunction() {
        SessionLookup function = (connection, ids) -> {
            Map<String, SessionState> out = new java.util.HashMap<>();
            ids.forEach(id -> out.put(id, id.startsWith("live") ? SessionState.present(id) : SessionState.gone(id)));
            return out;
        };
        JdbcSessionStore store = JdbcSessionStore.create(dataSource, function);
        assertThat(store.findSessions(List.of("live-1", "dead-1")))
                .isEqualTo(Map.of("live-1", SessionState.present("live-1"), "dead-1", SessionState.gone("dead-1")));
    }

    @Test
    void aFunctionThatLeavesASessionOutFailsInsteadOfReportingItGone() {
        JdbcSessionStore store = JdbcSessionStore.create(dataSource, (connection, ids) -> Map.of());
        assertThatThrownBy(() -> store.findSession("s1"))
                .isInstanceOf(StoreException.class).hasMessageContaining("gave no state for session s1");
    }

    @Test
    void aFunctionsFailureIsAStoreException() {
        JdbcSessionStore store = JdbcSessionStore.create(dataSource, (connection, ids) -> {
            throw new SQLException("sessions service unreachable");
        });
        assertThatThrownBy(() -> store.findSessions(List.of("s1")))
                .isInstanceOf(StoreException.class).hasMessageContaining("sessions service unreachable");
        JdbcSessionStore throwing = JdbcSessionStore.create(dataSource, (connection, ids) -> {
            throw new IllegalStateException("bug in the host's lookup");
        });
        assertThatThrownBy(() -> throwing.findSessions(List.of("s1"))).isInstanceOf(StoreException.class);
    }

    @Test
    void rejectsNamesThatAreNotPlainIdentifiers() {
        for (String bad : new String[] {"sessions; DROP TABLE x", "\"sessions\"", "a.b.c", "", "1sessions", "ses sions"}) {
            assertThatThrownBy(() -> SessionLookup.table(bad, "id", "deleted_at"))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SessionLookup.table("sessions", "id--", "deleted_at"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionLookup.table("sessions", "id", "uuid); DROP TABLE x; --", "deleted_at"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionLookup.table("sessions", "id", "deleted at"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
