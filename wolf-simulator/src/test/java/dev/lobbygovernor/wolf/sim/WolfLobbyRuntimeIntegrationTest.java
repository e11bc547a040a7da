package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.wolf.RetryPolicy;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfLobbyRuntime;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** WolfLobbyRuntime, the governor's view of Wolf, against the simulator. */
@ExtendWith(PinLeakGuard.class)
class WolfLobbyRuntimeIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void listsEveryRunningLobbyIncludingLeakedOnes() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim)) {
            String ours = client.createLobby(Clients.protectedLobby("ours"));
            String leaked = sim.createLeakedLobby("leaked", Optional.empty());

            assertThat(new WolfLobbyRuntime(client).listLobbies()).containsExactly(
                    new LiveLobby(ours, "ours", true, 0), new LiveLobby(leaked, "leaked", false, 0));
        }
    }

    @Test
    void stopsALobbyWithTheStoredPin() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim)) {
            String id = client.createLobby(Clients.protectedLobby("ours"));
            WolfLobbyRuntime runtime = new WolfLobbyRuntime(client);

            runtime.stopLobby(id, Optional.of(Clients.PIN));

            assertThat(runtime.listLobbies()).isEmpty();
        }
    }

    @Test
    void rejectsAWrongPinWithWolfsTextAndNoPin() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim)) {
            String id = client.createLobby(Clients.protectedLobby("ours"));
            WolfLobbyRuntime runtime = new WolfLobbyRuntime(client);

            LobbyRuntimeException e = catchThrowableOfType(LobbyRuntimeException.class,
                    () -> runtime.stopLobby(id, Optional.of(Clients.WRONG_PIN)));

            assertThat(e.kind()).isEqualTo(LobbyRuntimeException.Kind.REJECTED);
            assertThat(e.getMessage()).contains("Invalid PIN").contains(id);
            PinLeakGuard.assertNoPin(e.getMessage());
            PinLeakGuard.assertNoPin(runtime.toString());
            assertThat(sim.lobbies()).hasSize(1);
        }
    }

    @Test
    void rejectsAStopOfALobbyWolfNoLongerKnows() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim)) {
            String id = client.createLobby(Clients.lobby("gone"));
            sim.restart();

            LobbyRuntimeException e = catchThrowableOfType(LobbyRuntimeException.class,
                    () -> new WolfLobbyRuntime(client).stopLobby(id, Optional.empty()));

            assertThat(e.kind()).isEqualTo(LobbyRuntimeException.Kind.REJECTED);
            assertThat(e.getMessage()).contains("Invalid lobby ID");
        }
    }

    @Test
    void reportsAMissingWolfAsUnavailable() {
        try (WolfClient client = Clients.of(dir.resolve("absent.sock"), Clients.FAST, RetryPolicy.none())) {
            LobbyRuntimeException e = catchThrowableOfType(LobbyRuntimeException.class,
                    () -> new WolfLobbyRuntime(client).listLobbies());

            assertThat(e.kind()).isEqualTo(LobbyRuntimeException.Kind.UNAVAILABLE);
        }
    }

    @Test
    void reportsAGarbledReplyAsAProtocolFailure() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir); WolfClient client = Clients.of(sim)) {
            sim.faults().next(Fault.MALFORMED_JSON, 1);

            LobbyRuntimeException e = catchThrowableOfType(LobbyRuntimeException.class,
                    () -> new WolfLobbyRuntime(client).listLobbies());

            assertThat(e.kind()).isEqualTo(LobbyRuntimeException.Kind.PROTOCOL);
        }
    }

    @Test
    void seesEveryLobbyGoneAfterTheGpuStackCrashAndRestart() throws Exception {
        try (WolfSimulator sim = WolfSimulator.builder().gpuStackFailsAt(2).start(dir);
                WolfClient client = Clients.of(sim.socketPath(), Clients.FAST, RetryPolicy.none())) {
            WolfLobbyRuntime runtime = new WolfLobbyRuntime(client);
            client.createLobby(Clients.lobby("first"));
            catchThrowableOfType(Exception.class, () -> client.createLobby(Clients.lobby("fatal")));

            LobbyRuntimeException down = catchThrowableOfType(LobbyRuntimeException.class, runtime::listLobbies);
            sim.restart();

            assertThat(down.kind()).isEqualTo(LobbyRuntimeException.Kind.UNAVAILABLE);
            assertThat(runtime.listLobbies()).isEmpty();
        }
    }
}
