package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A permit at its edges: the instant it expires, the grant that starts the warning, the exact
 * sentences of each misuse, the events each end sends, and a store that fails at the end.
 */
class PermitEdgeTest {

    private static final String HOST = "wolf-1";

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final FlakyStore store = new FlakyStore();
    private final List<String> heard = new ArrayList<>();
    private final LobbyGovernor governor = LobbyGovernor.builder().store(store).clock(clock)
            .host(Host.of(HOST, runtime, HostLimits.builder().staticCap(3).build()))
            .listener(new AdmissionListener() {
                @Override
                public void onCommitted(PermitEvent event) {
                    heard.add("committed " + event.lobbyId().orElse("-") + " " + event.activeAfter());
                }

                @Override
                public void onReleased(PermitEvent event) {
                    heard.add("released " + event.sessionId());
                }

                @Override
                public void onExpired(PermitEvent event) {
                    heard.add("expired " + event.sessionId());
                }

                @Override
                public void onUnresolved(PermitEvent event) {
                    heard.add("unresolved " + event.sessionId() + " " + event.reservationId());
                }
            }).build();

    private Permit acquire(String session) {
        return governor.acquire(AdmissionRequest.forSession(session));
    }

    private ReservationRecord stored(Permit p) {
        return store.delegate.reservationsOnHost(HOST).stream()
                .filter(r -> r.reservationId().equals(p.reservationId())).findFirst().orElseThrow();
    }

    @Test
    void anOpenPermitIsOpenOneMillisecondBeforeItsExpiryAndExpiredAtIt() {
        Permit p = acquire("s");

        clock.advance(GovernorConfig.DEFAULT_PERMIT_TTL.minusMillis(1));
        assertThat(p.state()).isEqualTo(Permit.State.OPEN);
        assertThat(heard).isEmpty();

        clock.advance(Duration.ofMillis(1));
        assertThat(p.state()).isEqualTo(Permit.State.EXPIRED);
        assertThat(p.state()).isEqualTo(Permit.State.EXPIRED);
        assertThat(heard).containsExactly("expired s");
    }

    @Test
    void closingAPermitPastItsExpiryEndsItAsExpiredNotReleased() {
        Permit p = acquire("s");
        clock.advance(GovernorConfig.DEFAULT_PERMIT_TTL);

        p.close();

        assertThat(heard).containsExactly("expired s");
        assertThat(p.state()).isEqualTo(Permit.State.EXPIRED);
    }

    @Test
    void toStringOfAPermitPastItsExpirySaysExpired() {
        Permit p = acquire("s");
        clock.advance(GovernorConfig.DEFAULT_PERMIT_TTL);

        assertThat(p.toString()).contains("state=EXPIRED");
        assertThat(heard).containsExactly("expired s");
    }

    @Test
    void theGrantThatReachesTheWarningThresholdWarnsAndTheOneBeforeDoesNot() {
        // cap 3: the warning starts at 2
        Permit first = acquire("a");
        Permit second = acquire("b");

        assertThat(first.warning()).isFalse();
        assertThat(second.warning()).isTrue();
        assertThat(first.toString()).doesNotContain("warning");
        assertThat(second.toString()).contains("active=2/3, warning,");
    }

    @Test
    void toStringNamesIdsNumbersAndStateOnly() {
        Permit p = governor.acquire(AdmissionRequest.forSession("s").withPin(dev.lobbygovernor.store.LobbyPin.of("80417")));
        p.create(c -> runtime.create("lobby-1", c));

        assertThat(p.toString()).isEqualTo("Permit[host=wolf-1, session=s, reservation=" + p.reservationId()
                + ", state=COMMITTED, lobby=lobby-1, active=1/3, health=UNKNOWN]");
    }

    @Test
    void beginCreateTwiceHandsOutTheSameCredentials() {
        Permit p = acquire("s");

        LobbyCredentials first = p.beginCreate();
        LobbyCredentials again = p.beginCreate();

        assertThat(again.lobbyName()).isEqualTo(first.lobbyName());
        assertThat(again.optionalPin()).isEqualTo(first.optionalPin());
        assertThat(p.state()).isEqualTo(Permit.State.CREATING);
        assertThat(p.renderNode()).as("a host whose GPUs are not told apart names none").isEmpty();
    }

    @Test
    void beginCreateOnAClosedPermitSaysToAcquireANewOne() {
        Permit p = acquire("s");
        p.close();

        assertThatThrownBy(p::beginCreate).isInstanceOf(IllegalStateException.class)
                .hasMessage("This permit on host wolf-1 is CLOSED; acquire a new permit to create a lobby.");
    }

    @Test
    void anExpiredPermitSaysWhenItExpiredAndNotToCreate() {
        Permit p = acquire("s");
        clock.advance(GovernorConfig.DEFAULT_PERMIT_TTL);

        assertThatThrownBy(p::beginCreate).isInstanceOf(PermitExpiredException.class)
                .hasMessage("The permit for session s on host wolf-1 (reservation " + p.reservationId()
                        + ") expired at 2025-01-01T12:02:00Z before the lobby was created; do not create it.");
        assertThatThrownBy(() -> p.commit("lobby-1")).isInstanceOf(PermitExpiredException.class)
                .hasMessageEndingWith("before lobby lobby-1 was committed; cleanup stops it if it runs.");
    }

    @Test
    void aReservationGoneBeforeTheCreateExpiresThePermit() {
        Permit p = acquire("s");
        store.delegate.removeReservation(p.reservationId());

        assertThatThrownBy(p::beginCreate).isInstanceOf(PermitExpiredException.class)
                .hasMessageEndingWith("and its reservation is gone; do not create the lobby.");
        assertThat(p.state()).isEqualTo(Permit.State.EXPIRED);
        assertThat(heard).containsExactly("expired s");
    }

    @Test
    void commitRefusesABlankLobbyIdAndACommitBeforeTheCreate() {
        Permit p = acquire("s");

        assertThatThrownBy(() -> p.commit(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lobbyId must not be blank");
        assertThatThrownBy(() -> p.commit(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.commit("lobby-1")).isInstanceOf(IllegalStateException.class)
                .hasMessage("Call beginCreate() (or create) before creating lobby lobby-1: the reservation must say"
                        + " a create was attempted before the lobby exists.");
        assertThat(p.state()).isEqualTo(Permit.State.OPEN);
    }

    @Test
    void commitAfterCloseSaysCleanupReconcilesIt() {
        Permit p = acquire("s");
        p.close();

        assertThatThrownBy(() -> p.commit("lobby-1")).isInstanceOf(IllegalStateException.class)
                .hasMessage("This permit on host wolf-1 was closed (CLOSED) before lobby lobby-1 was committed;"
                        + " cleanup reconciles it.");
    }

    @Test
    void eachEndOfAPermitIsHeardOnce() {
        Permit committed = acquire("c");
        committed.create(c -> runtime.create("lobby-c", c));
        committed.commit("lobby-c");
        Permit released = acquire("r");
        released.close();
        released.close();
        Permit abandoned = acquire("u");
        abandoned.beginCreate();
        abandoned.close();
        abandoned.close();

        assertThat(heard).containsExactly("committed lobby-c 1", "released r",
                "unresolved u " + abandoned.reservationId());
        assertThat(committed.lobbyId()).contains("lobby-c");
        assertThat(abandoned.state()).isEqualTo(Permit.State.UNRESOLVED);
        assertThat(stored(abandoned).phase()).isEqualTo(ReservationRecord.Phase.ABANDONED);
    }

    @Test
    void anAbandonedCreateIsLoggedWithItsLobbyName() {
        Permit p = acquire("s");
        String name = p.beginCreate().lobbyName();

        try (LogCapture logs = LogCapture.of("dev.lobbygovernor.core.admission.internal.HostPermit")) {
            p.close();

            assertThat(logs.at(Level.WARN)).hasSize(1);
            assertThat(logs.renderedLines().get(0)).contains("without a commit", "host=wolf-1", "session=s",
                    "reservation=" + p.reservationId(), "lobbyName=" + name);
        }
    }

    @Test
    void aCloseTheStoreCannotRecordLeavesTheReservationCounted() {
        Permit open = acquire("o");
        Permit creating = acquire("c");
        creating.beginCreate();
        store.setDown(true);

        try (LogCapture logs = LogCapture.of("dev.lobbygovernor.core.admission.internal.HostPermit")) {
            open.close();
            creating.close();

            assertThat(logs.renderedLines()).anySatisfy(l -> assertThat(l)
                    .contains("Could not record the permit's end", "state=CLOSED", "database unreachable"));
        }
        store.setDown(false);
        assertThat(open.state()).isEqualTo(Permit.State.CLOSED);
        assertThat(creating.state()).isEqualTo(Permit.State.UNRESOLVED);
        assertThat(stored(open).phase()).isEqualTo(ReservationRecord.Phase.RESERVED);
        assertThat(stored(creating).phase()).as("kept as it was").isNotEqualTo(ReservationRecord.Phase.ABANDONED);
        assertThat(governor.capacity(HOST).active()).isEqualTo(2);
    }

    @Test
    void aCreatingPermitWhoseReservationIsGoneIsStillUnresolvedOnClose() {
        Permit p = acquire("s");
        p.beginCreate();
        store.delegate.removeReservation(p.reservationId());

        p.close();

        assertThat(p.state()).isEqualTo(Permit.State.UNRESOLVED);
        assertThat(store.delegate.reservationsOnHost(HOST)).isEmpty();
        assertThat(p.lobbyId()).isEqualTo(Optional.empty());
    }
}
