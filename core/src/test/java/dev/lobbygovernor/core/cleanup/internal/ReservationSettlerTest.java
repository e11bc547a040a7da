package dev.lobbygovernor.core.cleanup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.Failed;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.ReservationSettled;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.ReservationSettled.Resolution;
import dev.lobbygovernor.core.cleanup.FailureReason;
import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.store.SessionStore;
import dev.lobbygovernor.store.StoreException;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Settling a host's unfinished reservations: a found lobby is stopped with the reservation's PIN
 * and verified gone before the reservation goes; anything short of that keeps it, and its slot.
 */
class ReservationSettlerTest {

    private static final String HOST = "wolf-1";
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final LobbyPin PIN = LobbyPin.of("0815");
    private static final ReservationRecord RESERVATION = ReservationRecord.reserved("r1", HOST, "s1", PIN,
            "lobby-of-r1", NOW.minusSeconds(120), NOW.plusSeconds(60)).creating(NOW.minusSeconds(100)).abandoned();
    private static final LiveLobby FOUND = new LiveLobby("timed-out", "lobby-of-r1", true, 0);

    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final InMemorySessionStore memory = new InMemorySessionStore();
    private final RetryBook retries = new RetryBook(ReaperConfig.builder()
            .retryBackoff(Duration.ofSeconds(10), Duration.ofSeconds(40)).build());
    private final List<CleanupOutcome> heard = new java.util.ArrayList<>();
    private final OutcomeReporter reporter = new OutcomeReporter(List.of(new dev.lobbygovernor.core.cleanup.CleanupListener() {
        @Override
        public void onReservationSettled(ReservationSettled outcome) {
            heard.add(outcome);
        }

        @Override
        public void onFailed(Failed outcome) {
            heard.add(outcome);
        }
    }));

    ReservationSettlerTest() {
        memory.saveReservation(RESERVATION);
        runtime.start(FOUND.id(), PIN);
    }

    private List<CleanupOutcome> settle(SessionStore store, ReservationPlanner.Settlement s) {
        heard.clear();
        List<CleanupOutcome> out = new ReservationSettler(HOST, runtime, store, retries, reporter, NOW)
                .execute(List.of(s));
        assertThat(heard).as("the listener hears each outcome").isEqualTo(out);
        return out;
    }

    private List<CleanupOutcome> stopFound() {
        return settle(memory, new ReservationPlanner.Settlement(RESERVATION, Resolution.STOPPED, FOUND));
    }

    @Test
    void aFoundLobbyIsStoppedWithTheReservationsPinThenTheReservationRemoved() {
        retries.failed("lobby-of-r1", NOW.minusSeconds(60));

        assertThat(stopFound()).containsExactly(new ReservationSettled(HOST, "r1", "s1", "lobby-of-r1", "timed-out",
                Resolution.STOPPED));
        assertThat(runtime.isRunning("timed-out")).isFalse();
        assertThat(memory.allReservations()).isEmpty();
        assertThat(retries.failures("lobby-of-r1")).isZero();
    }

    @Test
    void aStopIsHeldBackUntilItsRetryTimeAndTriedFromItOn() {
        RetryBook.Entry entry = retries.failed("lobby-of-r1", NOW.minusSeconds(10).plusMillis(1));
        assertThat(entry.notBefore()).isEqualTo(NOW.plusMillis(1));
        assertThat(stopFound()).as("one millisecond early").isEmpty();
        assertThat(runtime.stopCalls()).isZero();

        retries.clear("lobby-of-r1");
        retries.failed("lobby-of-r1", NOW.minusSeconds(10));
        assertThat(stopFound()).extracting(CleanupOutcome::kind).containsExactly(CleanupOutcome.Kind.RESERVATION_SETTLED);
    }

    @Test
    void anAcknowledgedStopOfALobbyStillListedKeepsTheReservationAndBacksOff() {
        runtime.setIgnoreStops(true);
        assertThat(stopFound()).containsExactly(new Failed(HOST, "timed-out", "s1", FailureReason.STILL_RUNNING,
                "the runtime acknowledged the stop but still lists the lobby", 1, NOW.plusSeconds(10)));
        assertThat(memory.allReservations()).containsExactly(RESERVATION);
    }

    @Test
    void aRefusedStopKeepsTheReservationAndSaysWhatTheRuntimeSaid() {
        runtime.start(FOUND.id(), LobbyPin.of("9999"));
        assertThat(stopFound()).containsExactly(new Failed(HOST, "timed-out", "s1", FailureReason.STOP_REJECTED,
                "Invalid PIN", 1, NOW.plusSeconds(10)));
        assertThat(memory.allReservations()).containsExactly(RESERVATION);
    }

    @Test
    void aStopThatCannotBeVerifiedKeepsTheReservation() {
        runtime.setUnreachable(true);
        assertThat(stopFound()).singleElement().isInstanceOfSatisfying(Failed.class, f -> {
            assertThat(f.reason()).isEqualTo(FailureReason.UNVERIFIED);
            assertThat(f.detail()).isEqualTo("could not list lobbies to verify the stop: fake runtime unreachable");
        });
        assertThat(memory.allReservations()).containsExactly(RESERVATION);
    }

    @Test
    void aLobbyGoneUnderAFailedStopStillSettlesTheReservation() {
        runtime.vanish(FOUND.id());
        assertThat(stopFound()).containsExactly(new ReservationSettled(HOST, "r1", "s1", "lobby-of-r1", "timed-out",
                Resolution.STOPPED));
        assertThat(memory.allReservations()).isEmpty();
    }

    @Test
    void aReservationTheStoreCannotRemoveIsAFailureNamedAfterItsLobby() {
        SessionStore failing = failingRemovals(memory);
        assertThat(settle(failing, new ReservationPlanner.Settlement(RESERVATION, Resolution.ABSENT, null)))
                .containsExactly(new Failed(HOST, "lobby-of-r1", "s1", FailureReason.STORE_UNAVAILABLE,
                        "reservation table unavailable", 1, NOW.plusSeconds(10)));
        assertThat(settle(failing, new ReservationPlanner.Settlement(RESERVATION, Resolution.COMMITTED, FOUND)))
                .extracting(CleanupOutcome::lobbyId).containsExactly("timed-out");
        assertThat(memory.allReservations()).containsExactly(RESERVATION);
    }

    @Test
    void aReservationWithoutALobbyIsRemovedAndSettledUnderItsName() {
        assertThat(settle(memory, new ReservationPlanner.Settlement(RESERVATION, Resolution.ABSENT, null)))
                .containsExactly(new ReservationSettled(HOST, "r1", "s1", "lobby-of-r1", null, Resolution.ABSENT));
        assertThat(memory.allReservations()).isEmpty();
        assertThat(runtime.stopCalls()).isZero();
    }

    private static SessionStore failingRemovals(SessionStore inner) {
        return (SessionStore) Proxy.newProxyInstance(SessionStore.class.getClassLoader(),
                new Class<?>[] {SessionStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("removeReservation")) {
                        throw new StoreException("reservation table unavailable");
                    }
                    try {
                        return method.invoke(inner, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
