package dev.lobbygovernor.core.health.internal;

import dev.lobbygovernor.core.health.HealthListener;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls each listener, containing what one throws so that the others still hear the event. A
 * listener that throws on every poll would fill the log, so its first throw from each event is
 * a WARN with the stack trace and later ones are DEBUG.
 */
final class Listeners {

    private static final Logger log = LoggerFactory.getLogger(Listeners.class);

    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private Listeners() {
    }

    static void each(List<HealthListener> listeners, String hostId, String event, Consumer<HealthListener> call) {
        for (HealthListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                String who = listener.getClass().getName();
                (WARNED.add(who + "#" + event) ? log.atWarn() : log.atDebug())
                        .setMessage("Health listener {} threw from {}; ignored")
                        .addArgument(who).addArgument(event)
                        .addKeyValue("host", hostId).setCause(e).log();
            }
        }
    }
}
