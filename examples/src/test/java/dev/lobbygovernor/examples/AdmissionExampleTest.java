package dev.lobbygovernor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.wolf.sim.WolfSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admission example does what its Javadoc says, against the Wolf simulator. */
class AdmissionExampleTest {

    @TempDir
    Path temp;

    @Test
    void startsFiveLobbiesAndPrintsTheRefusalOfTheSixth() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WolfSimulator sim = WolfSimulator.builder().start(temp)) {
            List<String> created = AdmissionExample.run(sim.socketPath(),
                    new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(created).hasSize(5).doesNotHaveDuplicates();
            assertThat(sim.lobbies()).extracting(l -> l.id()).containsExactlyInAnyOrderElementsOf(created);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "session-1: lobby 1/5 started",
                "session-2: lobby 2/5 started",
                "session-3: lobby 3/5 started",
                "session-4: lobby 4/5 started",
                "session-5: lobby 5/5 started",
                "session-6: refused: GPU resource limit reached (5/5 lobbies active). "
                        + "Please close an unused session and try again.");
    }

    @Test
    void mainRunsOnASimulatorOfItsOwn() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            AdmissionExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("session-5: lobby 5/5 started")
                .contains("session-6: refused: GPU resource limit reached (5/5 lobbies active).");
    }
}
