package dev.lobbygovernor.smi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.smi.SmiFieldError;
import dev.lobbygovernor.testing.LogCapture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failing GPU field reads again when that field of that GPU no longer fails, whatever the rest does. */
class SmiTransitionsTest {

    private static final SmiFieldError GPU0_TEMP = new SmiFieldError(0, "temperature.gpu", "[Unknown Error]");

    private final SmiTransitions transitions = new SmiTransitions("nvidia-smi");

    @Test
    void fieldFailingWithAnotherTokenHasNotReadAgain() {
        transitions.fieldErrors(List.of(GPU0_TEMP));
        try (LogCapture logs = LogCapture.library()) {
            transitions.fieldErrors(List.of(new SmiFieldError(0, "temperature.gpu", "[N/A]")));

            assertThat(logs.at(Level.INFO)).isEmpty();
        }
    }

    @Test
    void sameFieldFailingOnAnotherGpuMeansTheFirstReadsAgain() {
        transitions.fieldErrors(List.of(GPU0_TEMP));
        try (LogCapture logs = LogCapture.library()) {
            transitions.fieldErrors(List.of(new SmiFieldError(1, "temperature.gpu", "[Unknown Error]")));

            assertThat(logs.at(Level.INFO)).singleElement()
                    .satisfies(e -> assertThat(e.getFormattedMessage()).contains("reads the GPU field again"));
            assertThat(logs.renderedLines()).anyMatch(l -> l.startsWith("INFO") && l.contains("gpu=0"));
        }
    }

    @Test
    void anotherFieldFailingOnTheSameGpuMeansTheFirstReadsAgain() {
        transitions.fieldErrors(List.of(GPU0_TEMP));
        try (LogCapture logs = LogCapture.library()) {
            transitions.fieldErrors(List.of(new SmiFieldError(0, "power.draw", "[Unknown Error]")));

            assertThat(logs.renderedLines()).anyMatch(l -> l.startsWith("INFO") && l.contains("gpu=0")
                    && l.contains("field=temperature.gpu"));
        }
    }
}
