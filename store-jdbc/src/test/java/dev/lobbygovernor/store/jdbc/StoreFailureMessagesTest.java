package dev.lobbygovernor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.StoreException;
import dev.lobbygovernor.store.jdbc.testing.PostgresFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What a failure says: what was attempted, and never the PIN, though the server's detail holds it. */
class StoreFailureMessagesTest {

    @Test
    void aRejectedRowsPinAppearsNowhereInTheException() {
        DataSource ds = PostgresFixture.shared().freshDatabase().newDataSource();
        JdbcSchema.migrate(ds);
        // PostgreSQL reports a CHECK violation with "Failing row contains (…)", PIN included
        HostSessionsTable.execute(ds, "ALTER TABLE lobby_governor_lobby_record ADD CONSTRAINT no_forbidden_host"
                + " CHECK (host_id <> 'forbidden')");
        JdbcSessionStore store = JdbcSessionStore.create(ds, HostSessionsTable.lookup());
        Instant t = Instant.parse("2024-05-01T12:00:00Z");
        LobbyRecord record = new LobbyRecord("l1", "forbidden", "s1", LobbyPin.of("0987654321"), t, t);

        StoreException e = catchThrowableOfType(StoreException.class, () -> store.saveLobby(record));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("save the lobby record of lobby l1").contains("23514");
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).contains("no_forbidden_host").doesNotContain("0987654321");
    }
}
