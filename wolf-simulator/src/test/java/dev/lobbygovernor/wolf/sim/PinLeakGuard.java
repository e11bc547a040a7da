package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.testing.LogCapture;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures every log line of the library (client and simulator, down to TRACE) during each
 * test, and fails the test if any line holds one of the {@link Clients#PIN_FORMS}.
 */
final class PinLeakGuard implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PinLeakGuard.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NS).put("capture", LogCapture.library());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try (LogCapture capture = context.getStore(NS).remove("capture", LogCapture.class)) {
            assertThat(leaks(capture)).as("PIN forms found in log lines").isEmpty();
        }
    }

    /** The PIN forms that occur in any captured line. */
    static List<String> leaks(LogCapture capture) {
        return Clients.PIN_FORMS.stream().filter(capture::anyLineContains).collect(Collectors.toList());
    }

    /** Fails if {@code text} (an exception message, a toString) holds a PIN. */
    static void assertNoPin(String text) {
        for (String form : Clients.PIN_FORMS) {
            assertThat(text).as("text holds the PIN").doesNotContain(form);
        }
    }
}
