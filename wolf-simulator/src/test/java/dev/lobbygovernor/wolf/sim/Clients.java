package dev.lobbygovernor.wolf.sim;

import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.wolf.RetryPolicy;
import dev.lobbygovernor.wolf.TransportSettings;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.model.AudioSettings;
import dev.lobbygovernor.wolf.model.CreateLobbyRequest;
import dev.lobbygovernor.wolf.model.Runner;
import dev.lobbygovernor.wolf.model.VideoSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Clients and requests for the client-to-simulator tests: short timeouts keep the suite fast. */
final class Clients {

    /** The PIN every protected lobby in these tests uses: digits unlikely to occur by chance. */
    static final LobbyPin PIN = LobbyPin.of("730519");
    /** A PIN that differs from {@link #PIN} in the last digit only. */
    static final LobbyPin WRONG_PIN = LobbyPin.of("730518");
    /** Every text form in which either PIN could leak. */
    static final List<String> PIN_FORMS = List.of("730519", "730518", "7,3,0,5,1,9", "7,3,0,5,1,8",
            "7, 3, 0, 5, 1, 9", "7, 3, 0, 5, 1, 8");

    /**
     * Settings for tests that expect answers: generous, so a loaded build machine does not
     * fail them; the timeout tests set their own short limits.
     */
    static final TransportSettings FAST = TransportSettings.builder()
            .connectTimeout(Duration.ofSeconds(2))
            .requestTimeout(Duration.ofSeconds(10))
            .readTimeout(Duration.ofSeconds(10))
            .build();
    static final RetryPolicy QUICK_RETRIES = RetryPolicy.builder().maxAttempts(3)
            .backoff(Duration.ofMillis(10), Duration.ofMillis(40)).build();

    private Clients() {
    }

    /** A client on the simulator's UNIX socket with fast timeouts and quick read retries. */
    static WolfClient of(WolfSimulator sim) {
        return of(sim.socketPath(), FAST, QUICK_RETRIES);
    }

    static WolfClient of(Path socket, TransportSettings settings, RetryPolicy retries) {
        return WolfClient.builder().unixSocket(socket).settings(settings).readRetries(retries).build();
    }

    /** An open lobby request as a control plane would send it. */
    static CreateLobbyRequest lobby(String name) {
        return CreateLobbyRequest.of("profile-7", name,
                new VideoSettings(1920, 1080, 60, "/dev/dri/renderD128", "/dev/dri/renderD128",
                        "video/x-raw(memory:DMABuf)", "wayland"),
                new AudioSettings(2), "/var/lib/lobbies/" + name,
                new Runner.Docker("agent-" + name, "registry.local/agent:1", List.of("/data:/data"),
                        List.of("AGENT_SESSION_ID=" + name), List.of("/dev/dri"), List.of(), null));
    }

    /** The same lobby protected by {@link #PIN}. */
    static CreateLobbyRequest protectedLobby(String name) {
        return lobby(name).withPin(PIN);
    }
}
