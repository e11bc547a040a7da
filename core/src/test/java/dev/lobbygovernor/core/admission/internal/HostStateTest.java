package dev.lobbygovernor.core.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.core.admission.BlindAdmission;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.gpu.RenderNode;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.HealthReports;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * One host's listing cache and health: how long a listing is reused, how long a failed one keeps
 * the host refusing, which of two overlapping listings wins, and which health report applies.
 */
class HostStateTest {

    private static final long TTL = 1_000;
    private static final String ID = "wolf-1";

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();

    private HostState host(LobbyRuntime r, long ttlMillis, long waitMillis) {
        return new HostState(Host.of(ID, r), clock, ttlMillis, waitMillis, BlindAdmission.STATIC_CAP);
    }

    private HostState host() {
        return host(runtime, TTL, 0);
    }

    private long now() {
        return clock.millis();
    }

    private void advance(long millis) {
        clock.advance(Duration.ofMillis(millis));
    }

    /** A runtime whose answers are scripted, one per call; a step may run code while the runtime is asked. */
    private static final class ScriptedRuntime implements LobbyRuntime {
        final List<Supplier<List<LiveLobby>>> answers = new ArrayList<>();
        int calls;

        @Override
        public List<LiveLobby> listLobbies() {
            return answers.get(calls++).get();
        }

        @Override
        public void stopLobby(String lobbyId, Optional<LobbyPin> pin) {
        }
    }

    @Test
    void aListingIsReusedUntilItsTtlHasPassedSinceTheRuntimeWasAsked() {
        HostState host = host();
        runtime.start("a", null);

        assertThat(host.ensureFresh(now())).isTrue();
        advance(TTL - 1);
        assertThat(host.freshListing(now()).ids()).containsExactly("a");
        assertThat(runtime.listCalls()).as("still fresh one millisecond before the TTL").isEqualTo(1);

        runtime.start("b", null);
        advance(1);
        assertThat(host.freshListing(now()).ids()).containsExactlyInAnyOrder("a", "b");
        assertThat(runtime.listCalls()).as("stale exactly at the TTL").isEqualTo(2);
    }

    @Test
    void aZeroTtlListsOnEveryCall() {
        HostState host = host(runtime, 0, 0);

        host.ensureFresh(now());
        host.ensureFresh(now());

        assertThat(runtime.listCalls()).isEqualTo(2);
    }

    @Test
    void aTtlTooLongToAddStaysFreshInsteadOfOverflowing() {
        HostState host = host(runtime, Long.MAX_VALUE, 0);

        host.ensureFresh(now());
        advance(Duration.ofDays(365).toMillis());

        assertThat(host.ensureFresh(now())).isTrue();
        assertThat(runtime.listCalls()).isEqualTo(1);
        assertThat(host.readiness(now())).isEqualTo(HostState.Readiness.READY);
    }

    @Test
    void aFailedListingIsNotRetriedWithinTheTtlAndIsRetriedAtIt() {
        HostState host = host();
        runtime.setUnreachable(true);

        assertThat(host.ensureFresh(now())).isFalse();
        advance(TTL - 1);
        assertThat(host.ensureFresh(now())).isFalse();
        assertThat(runtime.listCalls()).as("not asked again within the TTL").isEqualTo(1);

        runtime.setUnreachable(false);
        advance(1);
        assertThat(host.ensureFresh(now())).isTrue();
        assertThat(runtime.listCalls()).isEqualTo(2);
    }

    @Test
    void aFailureDropsTheCachedListingAtOnce() {
        HostState host = host();
        host.ensureFresh(now());

        host.markFailing(now(), "UNAVAILABLE", "gone");

        assertThat(host.freshListing(now())).as("the count is unknown, not the old one").isNull();
        assertThat(host.streamingIfFresh(now())).isZero();
        assertThat(runtime.listCalls()).isEqualTo(1);
    }

    @Test
    void readinessIsReadyWhenFreshOrNeverAskedDownWithinTheTtlOfAFailureAndLaterAfterIt() {
        HostState host = host();
        assertThat(host.readiness(now())).as("never listed: can be asked now").isEqualTo(HostState.Readiness.READY);

        host.ensureFresh(now());
        assertThat(host.readiness(now())).isEqualTo(HostState.Readiness.READY);

        host.markFailing(now(), "UNAVAILABLE", "gone");
        advance(TTL - 1);
        assertThat(host.readiness(now())).isEqualTo(HostState.Readiness.DOWN);
        advance(1);
        assertThat(host.readiness(now())).isEqualTo(HostState.Readiness.LATER);
        assertThat(runtime.listCalls()).as("readiness never asks the runtime").isEqualTo(1);
    }

    @Test
    void aHostBeingListedByAnotherCallerIsLaterAndTheWaiterGivesUpAfterTheWait() {
        ScriptedRuntime scripted = new ScriptedRuntime();
        HostState host = host(scripted, TTL, 0);
        List<Object> seenInside = new ArrayList<>();
        scripted.answers.add(() -> {
            // asked while this listing is under way: the host is busy, and a waiter does not wait past 0 ms
            seenInside.add(host.readiness(now()));
            seenInside.add(String.valueOf(host.freshListing(now())));
            return List.of(new LiveLobby("a", "n", false, 0));
        });

        assertThat(host.freshListing(now()).ids()).containsExactly("a");

        assertThat(seenInside).containsExactly(HostState.Readiness.LATER, "null");
        assertThat(scripted.calls).isEqualTo(1);
        assertThat(host.readiness(now())).isEqualTo(HostState.Readiness.READY);
    }

    @Test
    void anInterruptedWaiterGivesUpAndKeepsItsInterrupt() {
        ScriptedRuntime scripted = new ScriptedRuntime();
        HostState host = host(scripted, TTL, 60_000);
        List<Object> seenInside = new ArrayList<>();
        scripted.answers.add(() -> {
            Thread.currentThread().interrupt();
            seenInside.add(String.valueOf(host.freshListing(now())));
            seenInside.add(Thread.interrupted());
            return List.of();
        });

        host.freshListing(now());

        assertThat(seenInside).containsExactly("null", true);
    }

    @Test
    void aListingThatStartedEarlierNeverReplacesOneThatStartedLater() {
        ScriptedRuntime scripted = new ScriptedRuntime();
        HostState host = host(scripted, TTL, 0);
        scripted.answers.add(() -> {
            host.listNow(); // a later listing, answered first
            return List.of(new LiveLobby("old", "n", false, 0));
        });
        scripted.answers.add(() -> List.of(new LiveLobby("new", "n", false, 0)));

        Listing earlier = host.listNow();

        assertThat(earlier.ids()).containsExactly("old");
        assertThat(host.lastListing().ids()).containsExactly("new");
    }

    @Test
    void aRuntimeThatThrowsOrAnswersNullLeavesTheCountUnknown() {
        ScriptedRuntime scripted = new ScriptedRuntime();
        HostState host = host(scripted, TTL, 0);
        scripted.answers.add(() -> {
            throw new IllegalStateException("bug");
        });
        scripted.answers.add(() -> null);

        assertThat(host.listNow()).isNull();
        assertThat(host.readiness(now())).isEqualTo(HostState.Readiness.DOWN);
        advance(TTL);
        assertThat(host.listNow()).isNull();
        assertThat(host.readiness(now())).isEqualTo(HostState.Readiness.DOWN);
    }

    @Test
    void anOutageIsLoggedOnceAndTheRecoveryOnce() {
        HostState host = host();
        try (LogCapture logs = LogCapture.of(HostState.class.getName())) {
            runtime.setUnreachable(true);
            host.listNow();
            assertThat(logs.at(Level.WARN)).as("warned at the first failure").hasSize(1);
            host.listNow();
            runtime.setUnreachable(false);
            host.listNow();
            host.listNow();

            assertThat(logs.at(Level.WARN)).hasSize(1);
            assertThat(logs.renderedLines().get(0)).contains("Cannot list the lobbies", "host=wolf-1",
                    "kind=UNAVAILABLE", "fake runtime unreachable");
            assertThat(logs.at(Level.INFO)).hasSize(1);
            assertThat(logs.renderedLines().get(1)).contains("answers again", "lobbies=0");
        }
    }

    @Test
    void streamingCountsOnlyWhileTheListingIsFresh() {
        HostState host = host();
        runtime.start("a", null);
        runtime.setClients("a", 1);
        runtime.start("b", null);
        host.ensureFresh(now());

        advance(TTL - 1);
        assertThat(host.streamingIfFresh(now())).isEqualTo(1);
        advance(1);
        assertThat(host.streamingIfFresh(now())).isZero();
    }

    @Test
    void theRenderNodeOfAGpuIsFoundByItsUuid() {
        HostState host = new HostState(Host.of(ID, runtime, HostLimits.defaults()).withGpus(List.of(
                new RenderNode("/dev/dri/renderD128", "GPU-a"), new RenderNode("/dev/dri/renderD129", "GPU-b"))),
                clock, TTL, 0, BlindAdmission.STATIC_CAP);

        assertThat(host.renderNodeOf("GPU-b")).isEqualTo("/dev/dri/renderD129");
        assertThat(host.renderNodeOf("GPU-a")).isEqualTo("/dev/dri/renderD128");
        assertThat(host.renderNodeOf("GPU-c")).isNull();
    }

    @Test
    void anOlderHealthReportIsIgnoredAndOneAsOldAsTheLatestApplies() {
        HostState host = host();
        HostHealth first = HealthReports.healthy(ID, 4096, clock.instant());
        HostHealth older = HealthReports.monitoringLost(ID, 4096, clock.instant().minusMillis(1));
        HostHealth sameTime = HealthReports.monitoringLost(ID, 4096, clock.instant());

        host.applyHealth(first);
        host.applyHealth(older);
        assertThat(host.health()).isSameAs(first);

        host.applyHealth(sameTime);
        assertThat(host.health()).isSameAs(sameTime);
    }

    @Test
    void theFirstHealthReportAppliesEvenIfOlderThanTheUnknownStartAndSetsTheCap() {
        HostState host = host();
        assertThat(host.health().status()).isEqualTo(HealthStatus.UNKNOWN);
        // 4096 MiB less 2048 headroom at 460 each: 4 lobbies, below the static 5
        HostHealth report = HealthReports.healthy(ID, 4096, clock.instant().minusSeconds(5));

        host.applyHealth(report);

        assertThat(host.health()).isSameAs(report);
        assertThat(host.cap().cap()).isEqualTo(4);
        assertThat(host.cap().binding()).isEqualTo(LimitKind.GPU_MEMORY);
    }
}
