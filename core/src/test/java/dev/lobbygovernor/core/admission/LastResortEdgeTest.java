package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The last resort when the stop goes wrong: a stop that fails on a lobby already gone still frees
 * its slot; a host that stops answering while the stop is verified is held as unreachable; and
 * each last resort hands its turn on the host back.
 */
class LastResortEdgeTest {

    private static final String HOST = "wolf-1";

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final InMemorySessionStore store = new InMemorySessionStore();
    /** When set, the host stops answering listings once a stop was sent. */
    private volatile boolean silentAfterStop;
    private final LobbyRuntime wrapped = new LobbyRuntime() {
        @Override
        public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
            return runtime.listLobbies();
        }

        @Override
        public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException {
            runtime.stopLobby(lobbyId, pin);
            if (silentAfterStop) {
                runtime.setUnreachable(true);
            }
        }
    };
    private final LobbyGovernor governor = LobbyGovernor.builder().store(store).clock(clock)
            .config(GovernorConfig.builder().lastResort(LastResort.stopIdleLongerThan(Duration.ofMinutes(10))).build())
            .host(Host.of(HOST, wrapped, HostLimits.builder().staticCap(2).build())).build();

    private void fillAndIdle() {
        for (String id : new String[] {"first", "second"}) {
            Permit p = governor.acquire(AdmissionRequest.forSession("s-" + id).withPin(LobbyPin.of("5678")));
            p.create(c -> runtime.create(id, c));
            clock.advance(Duration.ofMinutes(15));
        }
    }

    @Test
    void aStopThatFailsOnALobbyAlreadyGoneStillAdmits() {
        fillAndIdle();
        runtime.setFailAfterStopping(new LobbyRuntimeException(LobbyRuntimeException.Kind.UNAVAILABLE, "timed out"));

        try (LogCapture logs = LogCapture.of("dev.lobbygovernor.core.admission.internal.LastResortStopper")) {
            Permit p = governor.acquire(AdmissionRequest.forSession("new"));

            assertThat(p.hostId()).isEqualTo(HOST);
            assertThat(runtime.isRunning("first")).isFalse();
            assertThat(store.findLobby("first")).isEmpty();
            assertThat(logs.renderedLines()).anySatisfy(l -> assertThat(l)
                    .contains("already gone when stopped", "lobby=first", "admitted=true"));
        }
    }

    @Test
    void aHostThatStopsAnsweringWhileTheStopIsVerifiedIsHeldUnreachable() {
        fillAndIdle();
        silentAfterStop = true;

        AdmissionDeniedException refused = catchThrowableOfType(AdmissionDeniedException.class,
                () -> governor.acquire(AdmissionRequest.forSession("new")));
        int listed = runtime.listCalls();
        AdmissionDeniedException next = catchThrowableOfType(AdmissionDeniedException.class,
                () -> governor.acquire(AdmissionRequest.forSession("next")));

        assertThat(refused.reason()).isEqualTo(DenialReason.LOBBY_LIMIT);
        assertThat(store.findLobby("first")).as("the record is kept: the stop is not verified").isPresent();
        assertThat(next.reason()).isEqualTo(DenialReason.HOST_UNAVAILABLE);
        assertThat(runtime.listCalls()).as("not asked again within the listing TTL").isEqualTo(listed);
    }

    @Test
    void eachLastResortHandsItsTurnOnTheHostBack() throws Exception {
        fillAndIdle();
        Permit rescued = governor.acquire(AdmissionRequest.forSession("new"));
        rescued.create(c -> runtime.create("third", c));
        clock.advance(Duration.ofMinutes(15));

        // another thread: a turn never handed back would make it skip its last resort
        Permit again = CompletableFuture.supplyAsync(() -> governor.acquire(AdmissionRequest.forSession("later")))
                .get(10, TimeUnit.SECONDS);

        assertThat(again.hostId()).isEqualTo(HOST);
        assertThat(runtime.isRunning("second")).isFalse();
    }
}
