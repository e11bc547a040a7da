package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The optional last resort: stop the longest-idle lobby of a full host, verified, then admit. */
class LastResortTest {

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final InMemorySessionStore store = new InMemorySessionStore();
    /** Connected clients per lobby, as the runtime lists them. */
    private final Map<String, Integer> clients = new ConcurrentHashMap<>();
    /** When set, a stop fails with an error that echoes the PIN it was sent (a careless runtime). */
    private volatile boolean stopErrorsEchoThePin;
    private final LobbyRuntime listedWithClients = new LobbyRuntime() {
        @Override
        public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
            return runtime.listLobbies().stream().map(l -> new LiveLobby(l.id(), l.name(), l.pinRequired(),
                    clients.getOrDefault(l.id(), 0))).toList();
        }

        @Override
        public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException {
            if (stopErrorsEchoThePin) {
                throw new LobbyRuntimeException(LobbyRuntimeException.Kind.REJECTED,
                        "stop refused for lobby " + lobbyId + " with pin " + pin.map(LobbyPin::reveal).orElse("-"));
            }
            runtime.stopLobby(lobbyId, pin);
        }
    };

    private LobbyGovernor governor(LastResort lastResort) {
        return LobbyGovernor.builder().store(store).clock(clock)
                .config(GovernorConfig.builder().lastResort(lastResort).build())
                .host(Host.of("wolf-1", listedWithClients, HostLimits.builder().staticCap(2).build())).build();
    }

    private void fill(LobbyGovernor g) {
        for (String id : new String[] {"idle-long", "idle-short"}) {
            Permit p = g.acquire(AdmissionRequest.forSession("sess-" + id).withPin(LobbyPin.of("5678")));
            p.create(c -> runtime.create(id, c));
            clock.advance(Duration.ofMinutes(20));
        }
        // idle-long: idle 40 min; idle-short: idle 20 min
    }

    @Test
    void isOffByDefault() {
        LobbyGovernor g = governor(LastResort.disabled());
        fill(g);

        assertThatThrownBy(() -> g.acquire(AdmissionRequest.forSession("new")))
                .isInstanceOf(AdmissionDeniedException.class);
        assertThat(runtime.stopCalls()).isZero();
    }

    @Test
    void stopsTheLongestIdleLobbyWithItsStoredPinVerifiesThenAdmitsWithAWarning() {
        LobbyGovernor g = governor(LastResort.stopIdleLongerThan(Duration.ofMinutes(30)));
        fill(g);

        try (LogCapture logs = LogCapture.library()) {
            Permit p = g.acquire(AdmissionRequest.forSession("new"));

            assertThat(p.hostId()).isEqualTo("wolf-1");
            assertThat(runtime.isRunning("idle-long")).isFalse();
            assertThat(runtime.isRunning("idle-short")).isTrue();
            assertThat(store.findLobby("idle-long")).isEmpty();
            assertThat(logs.at(Level.WARN)).anySatisfy(e -> {
                assertThat(e.getFormattedMessage()).contains("Last resort");
                assertThat(e.getKeyValuePairs()).anySatisfy(kv -> {
                    assertThat(kv.key).isEqualTo("lobby");
                    assertThat(kv.value).isEqualTo("idle-long");
                });
            });
            assertThat(logs.anyLineContains("5678")).isFalse();
        }
    }

    @Test
    void neverStopsALobbyWithAConnectedClientHoweverLongItsRecordSaysIdle() {
        LobbyGovernor g = governor(LastResort.stopIdleLongerThan(Duration.ofMinutes(10)));
        fill(g);
        clients.put("idle-long", 1);

        Permit p = g.acquire(AdmissionRequest.forSession("new"));

        assertThat(p.hostId()).isEqualTo("wolf-1");
        assertThat(runtime.isRunning("idle-long")).isTrue();
        assertThat(runtime.isRunning("idle-short")).as("the longest-idle lobby nobody uses").isFalse();
    }

    @Test
    void refusesWhenEveryIdleLobbyHasAConnectedClient() {
        LobbyGovernor g = governor(LastResort.stopIdleLongerThan(Duration.ofMinutes(10)));
        fill(g);
        clients.put("idle-long", 1);
        clients.put("idle-short", 3);

        assertThatThrownBy(() -> g.acquire(AdmissionRequest.forSession("new")))
                .isInstanceOf(AdmissionDeniedException.class);
        assertThat(runtime.stopCalls()).isZero();
    }

    @Test
    void activityReportedThroughTheGovernorSparesALobbyFromTheLastResort() {
        LobbyGovernor g = governor(LastResort.stopIdleLongerThan(Duration.ofMinutes(30)));
        fill(g);

        assertThat(g.touch("idle-long")).isTrue();

        assertThat(store.findLobby("idle-long")).get()
                .satisfies(r -> assertThat(r.lastActivityAt()).isEqualTo(clock.instant()));
        assertThatThrownBy(() -> g.acquire(AdmissionRequest.forSession("new")))
                .isInstanceOf(AdmissionDeniedException.class);
        assertThat(runtime.stopCalls()).isZero();
        assertThat(g.touch("never-committed")).isFalse();
    }

    @Test
    void aStopErrorThatEchoesThePinDoesNotReachTheLogs() {
        LobbyGovernor g = governor(LastResort.stopIdleLongerThan(Duration.ofMinutes(30)));
        fill(g);
        stopErrorsEchoThePin = true;

        try (LogCapture logs = LogCapture.library()) {
            assertThatThrownBy(() -> g.acquire(AdmissionRequest.forSession("new")))
                    .isInstanceOf(AdmissionDeniedException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("5678"));

            assertThat(logs.renderedLines()).anySatisfy(line -> assertThat(line)
                    .contains("Last resort: stop request failed").contains("with pin ****"));
            assertThat(logs.anyLineContains("5678")).isFalse();
        }
        assertThat(store.findLobby("idle-long")).as("record kept: the lobby still runs").isPresent();
    }

    @Test
    void refusesWhenNoLobbyHasBeenIdleLongEnough() {
        LobbyGovernor g = governor(LastResort.stopIdleLongerThan(Duration.ofHours(1)));
        fill(g);

        assertThatThrownBy(() -> g.acquire(AdmissionRequest.forSession("new")))
                .isInstanceOf(AdmissionDeniedException.class);
        assertThat(runtime.stopCalls()).isZero();
    }

    @Test
    void keepsTheRecordAndRefusesWhenTheLobbyDoesNotActuallyStop() {
        LobbyGovernor g = governor(LastResort.stopIdleLongerThan(Duration.ofMinutes(30)));
        fill(g);
        runtime.setIgnoreStops(true);

        assertThatThrownBy(() -> g.acquire(AdmissionRequest.forSession("new")))
                .isInstanceOf(AdmissionDeniedException.class);
        assertThat(runtime.stopCalls()).isEqualTo(1);
        assertThat(store.findLobby("idle-long")).isPresent();
    }

    @Test
    void neverStopsALeakedLobbyItHasNoCredentialsFor() {
        LobbyGovernor g = governor(LastResort.stopIdleLongerThan(Duration.ofMinutes(1)));
        runtime.start("leak-1", LobbyPin.of("1111"));
        runtime.start("leak-2", LobbyPin.of("2222"));
        clock.advance(Duration.ofHours(1));

        assertThatThrownBy(() -> g.acquire(AdmissionRequest.forSession("new")))
                .isInstanceOf(AdmissionDeniedException.class);
        assertThat(runtime.stopCalls()).isZero();
    }
}
