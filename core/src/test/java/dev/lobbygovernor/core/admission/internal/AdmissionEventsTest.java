package dev.lobbygovernor.core.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.core.admission.AdmissionListener;
import dev.lobbygovernor.core.admission.PermitEvent;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.testing.LogCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Events are built only for listeners, and a listener that throws is logged loudly once, then quietly. */
class AdmissionEventsTest {

    private static final PermitEvent EVENT = new PermitEvent("wolf-1", "s", "r", Optional.empty(), 1, 5, false,
            HealthStatus.HEALTHY);

    @Test
    void withNoListenerNoEventIsBuilt() {
        AdmissionEvents events = new AdmissionEvents(List.of());
        List<String> built = new ArrayList<>();
        Supplier<PermitEvent> supplier = () -> {
            built.add("built");
            return EVENT;
        };

        events.granted(supplier);
        events.committed(supplier);
        events.released(supplier);
        events.expired(supplier);
        events.unresolved(supplier);

        assertThat(built).isEmpty();
    }

    @Test
    void aListenerThatThrowsIsWarnedAboutOncePerMethodThenLoggedAtDebug() {
        AdmissionListener throwing = new AdmissionListener() {
            @Override
            public void onCommitted(PermitEvent event) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onReleased(PermitEvent event) {
                throw new IllegalStateException("listener bug");
            }
        };
        List<String> heard = new ArrayList<>();
        AdmissionListener after = new AdmissionListener() {
            @Override
            public void onCommitted(PermitEvent event) {
                heard.add("committed");
            }
        };
        AdmissionEvents events = new AdmissionEvents(List.of(throwing, after));

        try (LogCapture logs = LogCapture.of(AdmissionEvents.class.getName())) {
            events.committed(() -> EVENT);
            events.committed(() -> EVENT);
            events.released(() -> EVENT);

            assertThat(logs.at(Level.WARN)).extracting(e -> e.getFormattedMessage())
                    .hasSize(2)
                    .allSatisfy(m -> assertThat(m).contains("threw from"))
                    .anySatisfy(m -> assertThat(m).contains("onCommitted"))
                    .anySatisfy(m -> assertThat(m).contains("onReleased"));
            assertThat(logs.at(Level.DEBUG)).hasSize(1);
            assertThat(logs.at(Level.DEBUG).get(0).getFormattedMessage()).contains("onCommitted again");
        }
        assertThat(heard).as("later listeners still hear it").containsExactly("committed", "committed");
    }
}
