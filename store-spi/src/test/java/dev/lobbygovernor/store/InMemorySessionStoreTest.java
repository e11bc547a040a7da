package dev.lobbygovernor.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.store.tck.SessionHooks;
import dev.lobbygovernor.store.tck.SessionStoreContract;
import dev.lobbygovernor.store.tck.StoreOutage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The embedded store against the whole contract kit, plus what it adds beyond the SPI. The kit's
 * outage rules run with the store behind a switch ({@link SwitchableStore}).
 */
class InMemorySessionStoreTest extends SessionStoreContract {

    @Override
    protected SessionStore newStore() {
        return new SwitchableStore();
    }

    @Override
    protected SessionHooks sessionHooks(SessionStore store) {
        InMemorySessionStore memory = ((SwitchableStore) store).memory();
        return new SessionHooks() {
            @Override
            public void createSession(String sessionId) {
                memory.putSession(sessionId);
            }

            @Override
            public void softDeleteSession(String sessionId, Instant at) {
                memory.softDeleteSession(sessionId, at);
            }

            @Override
            public void hardDeleteSession(String sessionId) {
                memory.hardDeleteSession(sessionId);
            }
        };
    }

    @Override
    protected StoreOutage storeOutage(SessionStore store) {
        return (SwitchableStore) store;
    }

    @Test
    void aSecondSoftDeleteKeepsTheFirstDeletionTime() {
        InMemorySessionStore memory = new InMemorySessionStore();
        memory.putSession("s1");
        memory.softDeleteSession("s1", T0);
        memory.softDeleteSession("s1", T0.plusSeconds(60));
        assertThat(memory.findSession("s1")).isEqualTo(SessionState.softDeleted("s1", T0));
    }

    @Test
    void softDeletingAnUnknownSessionCreatesNothing() {
        InMemorySessionStore memory = new InMemorySessionStore();
        assertThat(memory.softDeleteSession("ghost", T0)).isFalse();
        assertThat(memory.findSession("ghost").status()).isEqualTo(SessionState.Status.GONE);
    }

    @Test
    void toStringCountsButNeverShowsPins() {
        InMemorySessionStore memory = new InMemorySessionStore();
        memory.saveLobby(new LobbyRecord("l1", "h", "s", LobbyPin.of("8642"), T0, T0));
        assertThat(memory.toString()).contains("lobbies=1").doesNotContain("8642");
    }
}
