package dev.lobbygovernor.wolf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The socket is found as Wolf finds it. */
class SocketPathsTest {

    @Test
    void wolfSocketPathWins() {
        Map<String, String> env = Map.of("WOLF_SOCKET_PATH", "/srv/w.sock",
                "XDG_RUNTIME_DIR", "/run/user/1000");

        assertThat(SocketPaths.resolve(env::get)).isEqualTo(Path.of("/srv/w.sock"));
    }

    @Test
    void xdgRuntimeDirIsNext() {
        assertThat(SocketPaths.resolve(Map.of("XDG_RUNTIME_DIR", "/run/user/1000")::get))
                .isEqualTo(Path.of("/run/user/1000/wolf.sock"));
    }

    @Test
    void emptyVariablesCountAsUnsetAndTheDefaultIsLast() {
        assertThat(SocketPaths.resolve(Map.of("WOLF_SOCKET_PATH", "", "XDG_RUNTIME_DIR", " ")::get))
                .isEqualTo(Path.of("/var/run/wolf/wolf.sock"));
    }
}
