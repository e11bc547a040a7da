package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The slot the last resort frees goes to the admission that asked for it: a lobby is never
 * stopped so that someone else can take its place (or for nobody).
 */
class LastResortSlotTest {

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final FlakyStore store = new FlakyStore();
    private final LobbyGovernor governor = LobbyGovernor.builder().store(store).clock(clock)
            .config(GovernorConfig.builder().lastResort(LastResort.stopIdleLongerThan(Duration.ofMinutes(30))).build())
            .host(Host.of("wolf-1", runtime, HostLimits.builder().staticCap(2).build())).build();

    LastResortSlotTest() {
        for (String id : new String[] {"idle-long", "idle-short"}) {
            Permit p = governor.acquire(AdmissionRequest.forSession("sess-" + id).withPin(LobbyPin.of("5678")));
            p.create(c -> runtime.create(id, c));
            clock.advance(Duration.ofMinutes(20));
        }
        // idle-long: idle 40 min, the last resort's victim; idle-short: idle 20 min, spared
    }

    @Test
    void anAdmissionArrivingWhileTheVictimsRecordIsRemovedCannotTakeTheFreedSlot() throws Exception {
        AtomicReference<Object> competitor = new AtomicReference<>();
        Thread[] competing = new Thread[1];
        // The record is removed after the verifying listing showed the victim gone. An admission
        // arriving now, on another thread, sees that fresh listing on the hot path, which takes
        // no lock the last resort holds: it must find the slot already taken.
        store.beforeRemove = lobbyId -> {
            competing[0] = new Thread(() -> {
                try {
                    competitor.set(governor.acquire(AdmissionRequest.forSession("competitor")));
                } catch (AdmissionDeniedException denied) {
                    competitor.set(denied);
                }
            }, "lobby-governor-test-competitor");
            competing[0].start();
            awaitFinishedOrBlocked(competing[0]);
        };

        Permit requester = governor.acquire(AdmissionRequest.forSession("requester"));

        competing[0].join(10_000);
        assertThat(requester.sessionId()).isEqualTo("requester");
        assertThat(runtime.isRunning("idle-long")).isFalse();
        assertThat(competitor.get()).isInstanceOf(AdmissionDeniedException.class);
        assertThat(runtime.isRunning("idle-short")).as("nothing else stopped for the competitor").isTrue();
    }

    @Test
    void admitsWithoutStoppingAnyoneWhenAFreshListingShowsRoom() {
        governor.status(); // lists the host now: the cached listing is fresh
        runtime.vanish("idle-short"); // its user closed it; the cached listing still counts it

        Permit p = governor.acquire(AdmissionRequest.forSession("new"));

        assertThat(p.sessionId()).isEqualTo("new");
        assertThat(runtime.stopCalls()).isZero();
        assertThat(runtime.isRunning("idle-long")).isTrue();
    }

    /** Waits until the thread has finished, or is blocked on a lock held by this thread. */
    private static void awaitFinishedOrBlocked(Thread t) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (t.getState() != Thread.State.TERMINATED && t.getState() != Thread.State.BLOCKED) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("competing admission neither finished nor blocked: " + t.getState());
            }
            Thread.onSpinWait();
        }
    }
}
