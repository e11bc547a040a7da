package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.AdmissionListener;
import dev.lobbygovernor.core.admission.PermitEvent;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells each {@link AdmissionListener}, containing what one throws: the others still hear the
 * event and admission goes on. A listener that throws on every admission would otherwise fill
 * the log at admission rate, so its first throw from each method is a WARN with the stack trace
 * and later ones are DEBUG.
 */
public final class AdmissionEvents {

    private static final Logger log = LoggerFactory.getLogger(AdmissionEvents.class);

    private final List<AdmissionListener> listeners;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * Events for these listeners, in this order.
     *
     * @param listeners the listeners; may be empty
     */
    public AdmissionEvents(List<AdmissionListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** Whether anyone listens: events are built only then. */
    boolean any() {
        return !listeners.isEmpty();
    }

    /**
     * A slot was granted.
     *
     * @param event the new permit's event, built only if someone listens
     */
    public void granted(Supplier<PermitEvent> event) {
        if (any()) {
            PermitEvent e = event.get();
            each("onGranted", l -> l.onGranted(e));
        }
    }

    /**
     * Admission was refused.
     *
     * @param sessionId the session that asked
     * @param denial the refusal
     */
    public void refused(String sessionId, AdmissionDeniedException denial) {
        each("onRefused", l -> l.onRefused(sessionId, denial));
    }

    void committed(Supplier<PermitEvent> event) {
        if (any()) {
            PermitEvent e = event.get();
            each("onCommitted", l -> l.onCommitted(e));
        }
    }

    void released(Supplier<PermitEvent> event) {
        if (any()) {
            PermitEvent e = event.get();
            each("onReleased", l -> l.onReleased(e));
        }
    }

    void expired(Supplier<PermitEvent> event) {
        if (any()) {
            PermitEvent e = event.get();
            each("onExpired", l -> l.onExpired(e));
        }
    }

    void unresolved(Supplier<PermitEvent> event) {
        if (any()) {
            PermitEvent e = event.get();
            each("onUnresolved", l -> l.onUnresolved(e));
        }
    }

    private void each(String method, Consumer<AdmissionListener> call) {
        for (AdmissionListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                String who = listener.getClass().getName();
                if (warned.add(who + "#" + method)) {
                    log.atWarn().setMessage("Admission listener {} threw from {}; ignored, and later throws from"
                            + " there are logged at DEBUG").addArgument(who).addArgument(method).setCause(e).log();
                } else {
                    log.atDebug().setMessage("Admission listener {} threw from {} again; ignored")
                            .addArgument(who).addArgument(method).setCause(e).log();
                }
            }
        }
    }
}
