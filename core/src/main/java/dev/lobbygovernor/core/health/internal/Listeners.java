package dev.lobbygovernor.core.health.internal;

import dev.lobbygovernor.core.health.HealthListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls each listener, containing what one throws so that the others still hear the event. */
final class Listeners {

    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private Listeners() {
    }

    static void each(List<HealthListener> listeners, String hostId, String event, Consumer<HealthListener> call) {
        for (HealthListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.atWarn().setMessage("Health listener {} threw from {}; ignored")
                        .addArgument(listener.getClass().getName()).addArgument(event)
                        .addKeyValue("host", hostId).setCause(e).log();
            }
        }
    }
}
