package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The leak guard can fail: it sees a PIN that reaches a log line or a text. */
class PinLeakGuardTest {

    @Test
    void seesAPinThatReachesALogLine() {
        try (LogCapture capture = LogCapture.library()) {
            LoggerFactory.getLogger("dev.lobbygovernor.wolf.sim.Canary")
                    .atInfo().addKeyValue("pin", Clients.PIN.reveal()).log("a careless line");

            assertThat(PinLeakGuard.leaks(capture)).containsExactly("730519");
        }
    }

    @Test
    void seesAPinInWolfsArrayFormInAText() {
        assertThatThrownBy(() -> PinLeakGuard.assertNoPin("{\"pin\":[7,3,0,5,1,9]}"))
                .isInstanceOf(AssertionError.class);
    }
}
