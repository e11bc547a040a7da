package dev.lobbygovernor.core.cleanup;

import static dev.lobbygovernor.core.cleanup.ReaperRig.HOST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.cleanup.CleanupOutcome.Stopped;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** A lobby someone is streaming from is in use: the reaper records that and never stops it as idle. */
class LobbyReaperActivityTest {

    /** Connected clients per lobby, as the runtime would list them. */
    private final Map<String, Integer> clients = new ConcurrentHashMap<>();
    private final ReaperRig rig = rigWith(ReaperConfig.defaults());

    /** A rig whose runtime lists the clients of {@link #clients}. */
    private ReaperRig rigWith(ReaperConfig config) {
        ReaperRig rig = new ReaperRig(config);
        rig.runtimeSeenByReaper = new LobbyRuntime() {
            @Override
            public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
                return rig.runtime.listLobbies().stream().map(l -> new LiveLobby(l.id(), l.name(), l.pinRequired(),
                        clients.getOrDefault(l.id(), 0))).toList();
            }

            @Override
            public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException {
                rig.runtime.stopLobby(lobbyId, pin);
            }
        };
        rig.reaper = rig.newReaper();
        return rig;
    }

    private void cyclesFor(Duration span) {
        for (Duration d = Duration.ZERO; d.compareTo(span) < 0; d = d.plus(rig.config.interval())) {
            rig.cycle();
        }
    }

    @Test
    void keepsALobbyWithConnectedClientsRunningLongPastTheIdleTimeout() {
        rig.commit("streaming", "s1", "4821");
        clients.put("streaming", 1);

        cyclesFor(ReaperConfig.DEFAULT_IDLE_TIMEOUT.multipliedBy(3));

        assertThat(rig.runtime.isRunning("streaming")).isTrue();
        assertThat(rig.events.outcomes).isEmpty();
    }

    @Test
    void touchesTheRecordOfALobbyWithConnectedClientsEachCycle() {
        rig.commit("streaming", "s1", null);
        clients.put("streaming", 2);

        rig.advance(Duration.ofMinutes(10));
        rig.cycle();
        Instant cycleTime = rig.clock.instant();

        assertThat(rig.memory.findLobby("streaming")).get()
                .satisfies(r -> assertThat(r.lastActivityAt()).isEqualTo(cycleTime));
    }

    @Test
    void writesTheActivityOfALobbyInUseOnlyOnceItsRecordIsTheResolutionOld() {
        LobbyRecord committed = rig.commit("streaming", "s1", null);
        clients.put("streaming", 1);

        rig.cycle(); // 30 s after the commit: under the 1 min resolution
        assertThat(rig.store.touchWrites).hasValue(0);
        assertThat(rig.memory.findLobby("streaming")).contains(committed);

        rig.cycle(); // 60 s: exactly the resolution old
        Instant written = rig.clock.instant();
        assertThat(rig.store.touchWrites).hasValue(1);
        assertThat(rig.memory.findLobby("streaming").orElseThrow().lastActivityAt()).isEqualTo(written);

        rig.advance(ReaperConfig.DEFAULT_ACTIVITY_RESOLUTION.minusNanos(1).minus(rig.config.interval()));
        rig.cycle(); // a nanosecond short of the resolution since the write
        assertThat(rig.store.touchWrites).hasValue(1);
        assertThat(rig.memory.findLobby("streaming").orElseThrow().lastActivityAt()).isEqualTo(written);
    }

    @Test
    void writesTheActivityOfALobbyInUseEveryCycleWhenTheResolutionIsZero() {
        ReaperRig everyCycle = rigWith(ReaperConfig.builder().activityResolution(Duration.ZERO).build());
        everyCycle.commit("streaming", "s1", null);
        clients.put("streaming", 1);

        for (int i = 1; i <= 3; i++) {
            everyCycle.cycle();
            assertThat(everyCycle.store.touchWrites).hasValue(i);
            assertThat(everyCycle.memory.findLobby("streaming").orElseThrow().lastActivityAt())
                    .isEqualTo(everyCycle.clock.instant());
        }
    }

    @Test
    void aLobbyWhoseClientsLeftIsIdleFromWhenItWasLastSeenInUseWhateverTheResolution() {
        ReaperConfig config = ReaperConfig.builder().interval(Duration.ofSeconds(10))
                .activityResolution(Duration.ofMinutes(2)).build();
        ReaperRig coarse = rigWith(config);
        coarse.commit("streaming", "s1", null);
        clients.put("streaming", 1);
        for (int i = 0; i < 17; i++) { // 170 s: written at 120 s, not since
            coarse.cycle();
        }
        Instant lastSeenInUse = coarse.clock.instant();
        clients.remove("streaming");

        coarse.cycle(); // the first cycle without clients writes when they were last seen
        assertThat(coarse.memory.findLobby("streaming").orElseThrow().lastActivityAt()).isEqualTo(lastSeenInUse);
        Instant stoppedAt = null;
        while (stoppedAt == null) {
            coarse.cycle();
            if (!coarse.runtime.isRunning("streaming")) {
                stoppedAt = coarse.clock.instant();
            }
        }

        Duration idleAfterLastSeen = Duration.between(lastSeenInUse, stoppedAt);
        assertThat(idleAfterLastSeen).isGreaterThan(config.idleTimeout())
                .isLessThanOrEqualTo(config.idleTimeout().plus(config.interval()));
    }

    @Test
    void aDepartureTheStoreCouldNotRecordIsJudgedByWhatTheCycleSawAndWrittenNextCycle() {
        rig.commit("streaming", "s1", null);
        clients.put("streaming", 1);
        rig.cycle();
        rig.cycle(); // written at the resolution
        rig.cycle();
        Instant lastSeenInUse = rig.clock.instant();
        clients.remove("streaming");
        rig.store.failTouches = true;
        rig.advance(ReaperConfig.DEFAULT_IDLE_TIMEOUT.minus(Duration.ofSeconds(45)));

        // 29 min 45 s after the sighting, 30 min 15 s after the stored activity (written 30 s before it):
        // idle by the stale record, not by what the cycle saw
        rig.cycle();
        assertThat(rig.runtime.isRunning("streaming")).isTrue();
        assertThat(rig.memory.findLobby("streaming").orElseThrow().lastActivityAt()).isBefore(lastSeenInUse);

        rig.store.failTouches = false;
        rig.cycle(); // 30 min 15 s after the sighting: idle
        assertThat(rig.runtime.isRunning("streaming")).isFalse();
        assertThat(rig.events.outcomes).singleElement().satisfies(o ->
                assertThat(((CleanupOutcome.Stopped) o).reason()).isEqualTo(StopReason.IDLE_TIMEOUT));
    }

    @Test
    void aDepartureWhoseWriteFailedIsWrittenAtTheNextCycle() {
        rig.commit("streaming", "s1", null);
        clients.put("streaming", 1);
        rig.cycle();
        Instant lastSeenInUse = rig.clock.instant();
        clients.remove("streaming");
        rig.store.failTouches = true;
        rig.cycle();
        rig.store.failTouches = false;

        rig.cycle();

        assertThat(rig.memory.findLobby("streaming").orElseThrow().lastActivityAt()).isEqualTo(lastSeenInUse);
    }

    @Test
    void aDepartureIsWrittenOnceAtTheTimeTheLobbyWasLastSeenInUse() {
        rig.commit("streaming", "s1", null);
        clients.put("streaming", 1);
        rig.cycle();
        Instant lastSeenInUse = rig.clock.instant();
        assertThat(rig.store.touchWrites).as("30 s old: under the resolution").hasValue(0);
        clients.remove("streaming");

        rig.cycle();
        rig.cycle();

        assertThat(rig.store.touchWrites).hasValue(1);
        assertThat(rig.memory.findLobby("streaming").orElseThrow().lastActivityAt()).isEqualTo(lastSeenInUse);
    }

    @Test
    void stopsTheLobbyOnceItHasBeenIdleForTheTimeoutAfterItsLastClientLeft() {
        rig.commit("streaming", "s1", "1111");
        clients.put("streaming", 1);
        cyclesFor(Duration.ofMinutes(45));
        clients.remove("streaming");

        cyclesFor(ReaperConfig.DEFAULT_IDLE_TIMEOUT.minus(rig.config.interval()));
        assertThat(rig.runtime.isRunning("streaming")).as("idle less than the timeout since the client left").isTrue();

        cyclesFor(rig.config.interval().multipliedBy(2));
        assertThat(rig.runtime.isRunning("streaming")).isFalse();
        assertThat(rig.events.outcomes).containsExactly(
                new Stopped(HOST, "streaming", "s1", StopReason.IDLE_TIMEOUT, true));
    }

    @Test
    void stillStopsALobbyWithConnectedClientsWhenItsSessionIsDeleted() {
        rig.commit("streaming", "s1", "1111");
        clients.put("streaming", 1);
        rig.memory.hardDeleteSession("s1");

        assertThat(rig.cycle().outcomes()).containsExactly(
                new Stopped(HOST, "streaming", "s1", StopReason.SESSION_GONE, true));
    }

    @Test
    void treatsALobbyInUseAsInUseEvenWhenItsActivityCannotBeRecorded() {
        rig.commit("streaming", "s1", "1111");
        clients.put("streaming", 1);
        rig.advance(ReaperConfig.DEFAULT_IDLE_TIMEOUT.plusMinutes(5));
        rig.store.failTouches = true;

        rig.cycle();

        assertThat(rig.runtime.isRunning("streaming")).isTrue();
        assertThat(rig.events.outcomes).isEmpty();
    }
}
