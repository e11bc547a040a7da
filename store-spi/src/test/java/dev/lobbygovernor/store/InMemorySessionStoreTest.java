package dev.lobbygovernor.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.store.tck.SessionHooks;
import dev.lobbygovernor.store.tck.SessionStoreContract;
import dev.lobbygovernor.store.tck.StoreOutage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    @Test
    void hardDeleteSaysWhetherTheSessionExisted() {
        InMemorySessionStore memory = new InMemorySessionStore();
        memory.putSession("s1");
        assertThat(memory.hardDeleteSession("s1")).isTrue();
        assertThat(memory.hardDeleteSession("s1")).isFalse();
        assertThat(memory.findSession("s1").status()).isEqualTo(SessionState.Status.GONE);
    }

    @Test
    void writesToARecordSayWhetherItWasThere() {
        InMemorySessionStore memory = new InMemorySessionStore();
        memory.saveLobby(new LobbyRecord("l1", "h", "s", null, T0, T0));
        assertThat(memory.touchLobby("l1", T0.plusSeconds(1))).isTrue();
        assertThat(memory.touchLobby("l1", T0)).isTrue();
        assertThat(memory.touchLobby("ghost", T0)).isFalse();

        ReservationRecord r = ReservationRecord.reserved("r1", "h", "s", null, "n1", T0, T0.plusSeconds(30));
        assertThat(memory.updateReservation(r)).isFalse();
        memory.saveReservation(r);
        assertThat(memory.updateReservation(r.creating(T0))).isTrue();
        LobbyRecord committed = new LobbyRecord("l2", "h", "s", null, T0, T0);
        assertThat(memory.commitReservation("r1", committed)).isTrue();
        assertThat(memory.commitReservation("r1", committed)).isFalse();
        assertThat(memory.allReservations()).isEmpty();
    }

    @Test
    void recordsByHostFromTheIndexAnswersAsTheSpiDefaultDoes() {
        InMemorySessionStore memory = new InMemorySessionStore();
        memory.saveLobby(new LobbyRecord("l2", "h2", "s", null, T0.plusSeconds(2), T0));
        memory.saveLobby(new LobbyRecord("l1", "h2", "s", null, T0, T0));
        memory.saveLobby(new LobbyRecord("l3", "h1", "s", null, T0, T0));
        memory.saveReservation(ReservationRecord.reserved("r2", "h3", "s", null, "n2", T0.plusSeconds(1), T0.plusSeconds(30)));
        memory.saveReservation(ReservationRecord.reserved("r1", "h3", "s", null, "n1", T0, T0.plusSeconds(30)));
        memory.saveReservation(ReservationRecord.reserved("r3", "h1", "s", null, "n3", T0, T0.plusSeconds(30)));
        memory.saveReservation(ReservationRecord.reserved("r4", "h4", "s", null, "n4", T0, T0.plusSeconds(30)));
        memory.removeReservation("r4");

        Map<String, HostRecords> byHost = memory.recordsByHost();

        assertThat(byHost).isEqualTo(HostRecords.grouped(memory.allReservations(), memory.allLobbies()));
        assertThat(byHost.keySet()).containsExactlyInAnyOrder("h1", "h2", "h3");
        assertThat(byHost.get("h2").lobbies()).extracting(LobbyRecord::lobbyId).containsExactly("l1", "l2");
        assertThat(byHost.get("h3").reservations()).extracting(ReservationRecord::reservationId)
                .containsExactly("r1", "r2");
        assertThat(byHost.get("h1").lobbies()).extracting(LobbyRecord::lobbyId).isEqualTo(List.of("l3"));
        assertThat(byHost.get("h1").reservations()).extracting(ReservationRecord::reservationId)
                .isEqualTo(List.of("r3"));
    }

    @Test
    void aHostsSnapshotIsTakenAgainAfterEachKindOfChange() {
        InMemorySessionStore s = new InMemorySessionStore();
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        s.saveLobby(new LobbyRecord("l1", "h", "s", null, t, t));
        assertThat(s.lobbiesOnHost("h")).extracting(LobbyRecord::lobbyId).containsExactly("l1");
        s.saveLobby(new LobbyRecord("l2", "h", "s", null, t.plusSeconds(1), t));
        assertThat(s.lobbiesOnHost("h")).extracting(LobbyRecord::lobbyId).containsExactly("l1", "l2");
        s.removeLobby("l1");
        assertThat(s.recordsByHost().get("h").lobbies()).extracting(LobbyRecord::lobbyId).containsExactly("l2");
        ReservationRecord r = ReservationRecord.reserved("r1", "h", "s", null, "n-1", t, t.plusSeconds(60));
        s.saveReservation(r);
        assertThat(s.reservationsOnHost("h")).containsExactly(r);
        s.removeReservation("r1");
        assertThat(s.recordsByHost().get("h").reservations()).isEmpty();
        assertThat(s.recordsByHost().containsKey("h")).isTrue();
        s.removeLobby("l2");
        assertThat(s.recordsByHost().containsKey("h")).isFalse();
        assertThat(s.recordsByHost().get("nobody")).isNull();
    }
}
