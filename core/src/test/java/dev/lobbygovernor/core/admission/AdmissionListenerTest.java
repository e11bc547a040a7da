package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.ReservationSettled;
import dev.lobbygovernor.core.cleanup.LobbyReaper;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admission listener hears one decision per acquire and at most one end per permit, in the
 * documented pairing; a listener that throws changes nothing; no event carries a PIN.
 */
class AdmissionListenerTest {

    private static final String PIN = "918273";

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final Recorder heard = new Recorder();
    private final LobbyGovernor governor = LobbyGovernor.builder().store(store).clock(clock).listener(heard)
            .host(Host.of("wolf-1", runtime, HostLimits.builder().staticCap(2).build())).build();

    /** Every event, as a line naming the method and the event's own text. */
    static final class Recorder implements AdmissionListener {
        final List<String> events = new ArrayList<>();
        final List<Object> payloads = new ArrayList<>();

        private void add(String method, Object payload) {
            events.add(method);
            payloads.add(payload);
        }

        @Override
        public void onGranted(PermitEvent event) {
            add("granted", event);
        }

        @Override
        public void onRefused(String sessionId, AdmissionDeniedException denial) {
            add("refused", denial);
        }

        @Override
        public void onCommitted(PermitEvent event) {
            add("committed", event);
        }

        @Override
        public void onReleased(PermitEvent event) {
            add("released", event);
        }

        @Override
        public void onExpired(PermitEvent event) {
            add("expired", event);
        }

        @Override
        public void onUnresolved(PermitEvent event) {
            add("unresolved", event);
        }

        @Override
        public void onReconciled(ReservationSettled settled) {
            add("reconciled", settled);
        }
    }

    private AdmissionRequest withPin(String session) {
        return AdmissionRequest.forSession(session).withPin(LobbyPin.of(PIN));
    }

    @Test
    void grantThenCommitIsHeardWithTheLobbyIdAndTheCounts() {
        try (Permit p = governor.acquire(withPin("s1"))) {
            p.create(c -> runtime.create("lobby-1", c));
        }

        assertThat(heard.events).containsExactly("granted", "committed");
        PermitEvent committed = (PermitEvent) heard.payloads.get(1);
        assertThat(committed.hostId()).isEqualTo("wolf-1");
        assertThat(committed.sessionId()).isEqualTo("s1");
        assertThat(committed.lobbyId()).contains("lobby-1");
        assertThat(committed.activeAfter()).isEqualTo(1);
        assertThat(committed.cap()).isEqualTo(2);
    }

    @Test
    void closeBeforeAnyCreateIsHeardAsReleasedOnce() {
        Permit p = governor.acquire(withPin("s1"));
        p.close();
        p.close();

        assertThat(heard.events).containsExactly("granted", "released");
    }

    @Test
    void anOpenPermitPastItsDeadlineIsHeardAsExpiredOnce() {
        Permit p = governor.acquire(withPin("s1"));
        clock.advance(governor.config().permitTtl().plusSeconds(1));

        assertThat(p.state()).isEqualTo(Permit.State.EXPIRED);
        p.close();

        assertThat(heard.events).containsExactly("granted", "expired");
    }

    @Test
    void aCommitWhoseReservationCleanupAlreadyRemovedIsHeardAsExpired() {
        Permit p = governor.acquire(withPin("s1"));
        p.beginCreate();
        store.removeReservation(p.reservationId()); // as cleanup does once it settled the reservation

        assertThatThrownBy(() -> p.commit("lobby-1")).isInstanceOf(PermitExpiredException.class);

        assertThat(heard.events).containsExactly("granted", "expired");
    }

    @Test
    void refusalIsHeardWithTheDenialAndItsNumbers() {
        governor.acquire(withPin("a"));
        governor.acquire(withPin("b"));

        assertThatThrownBy(() -> governor.acquire(withPin("c"))).isInstanceOf(AdmissionDeniedException.class);

        assertThat(heard.events).containsExactly("granted", "granted", "refused");
        AdmissionDeniedException denial = (AdmissionDeniedException) heard.payloads.get(2);
        assertThat(denial.reason()).isEqualTo(DenialReason.LOBBY_LIMIT);
        assertThat(denial.active()).isEqualTo(2);
        assertThat(denial.cap()).isEqualTo(2);
    }

    @Test
    void failedCreateIsHeardAsUnresolvedThenReconciledThroughTheRelayOnTheReaper() {
        LobbyReaper reaper = LobbyReaper.builder(store, Map.of("wolf-1", runtime)).clock(clock)
                .listener(new ReconciliationRelay(heard)).build();
        Permit p = governor.acquire(withPin("s1"));
        assertThatThrownBy(() -> p.create(c -> {
            runtime.create("timed-out", c);
            throw new IOException("Lobby setup timed out");
        })).isInstanceOf(IOException.class);
        p.close();

        clock.advance(Duration.ofSeconds(30));
        reaper.runOnce();

        assertThat(heard.events).containsExactly("granted", "unresolved", "reconciled");
        ReservationSettled settled = (ReservationSettled) heard.payloads.get(2);
        assertThat(settled.reservationId()).isEqualTo(p.reservationId());
        assertThat(settled.resolution()).isEqualTo(ReservationSettled.Resolution.STOPPED);
    }

    @Test
    void noEventEverCarriesThePin() {
        try (Permit p = governor.acquire(withPin("s1"))) {
            p.create(c -> runtime.create("lobby-1", c));
        }
        governor.acquire(withPin("s2")).close();
        assertThatThrownBy(() -> {
            governor.acquire(withPin("s3"));
            governor.acquire(withPin("s4"));
        }).isInstanceOf(AdmissionDeniedException.class);

        assertThat(heard.payloads).hasSizeGreaterThanOrEqualTo(5);
        for (Object payload : heard.payloads) {
            assertThat(payload.toString()).doesNotContain(PIN);
            if (payload instanceof AdmissionDeniedException d) {
                assertThat(d.getMessage()).doesNotContain(PIN);
            }
        }
        assertThat(PermitEvent.class.getRecordComponents())
                .extracting(c -> c.getType().getSimpleName()).doesNotContain("LobbyPin", "LobbyCredentials");
    }

    @Test
    void aListenerThatThrowsChangesNothingAndIsLoggedAtWarnOnlyOnce() {
        AdmissionListener broken = new AdmissionListener() {
            @Override
            public void onGranted(PermitEvent event) {
                throw new IllegalStateException("listener bug");
            }
        };
        Recorder after = new Recorder();
        LobbyGovernor g = LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock)
                .listener(broken).listener(after)
                .host(Host.of("wolf-1", new FakeLobbyRuntime(), HostLimits.builder().staticCap(5).build())).build();

        try (LogCapture logs = LogCapture.library()) {
            Permit first = g.acquire(withPin("a"));
            Permit second = g.acquire(withPin("b"));

            assertThat(first.state()).isEqualTo(Permit.State.OPEN);
            assertThat(second.activeAfter()).isEqualTo(2);
            assertThat(after.events).containsExactly("granted", "granted");
            assertThat(logs.at(Level.WARN)).singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains("onGranted"));
        }
    }
}
