package dev.lobbygovernor.micrometer.internal;

import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.AdmissionListener;
import dev.lobbygovernor.core.admission.PermitEvent;
import io.micrometer.core.instrument.Counter;

/**
 * Counts admissions by outcome and, for refusals, reason. Session ids never become tags: they
 * are unbounded.
 */
public final class AdmissionMeters implements AdmissionListener {

    private static final String NONE = "none";

    private final Registries registries;

    /**
     * Counts into these registries.
     *
     * @param registries where counters live
     */
    public AdmissionMeters(Registries registries) {
        this.registries = registries;
    }

    private void count(String outcome, String reason, String host) {
        registries.each(r -> Counter.builder(MeterNames.ADMISSIONS).description("Admission decisions and permit ends")
                .tag("outcome", outcome).tag("reason", reason).tag("host", host).register(r).increment());
    }

    @Override
    public void onGranted(PermitEvent event) {
        count("granted", NONE, event.hostId());
    }

    @Override
    public void onRefused(String sessionId, AdmissionDeniedException denial) {
        count("refused", denial.reason().name().toLowerCase(java.util.Locale.ROOT), denial.hostId());
    }

    @Override
    public void onCommitted(PermitEvent event) {
        count("committed", NONE, event.hostId());
    }

    @Override
    public void onReleased(PermitEvent event) {
        count("released", NONE, event.hostId());
    }

    @Override
    public void onExpired(PermitEvent event) {
        count("expired", NONE, event.hostId());
    }

    @Override
    public void onUnresolved(PermitEvent event) {
        count("unresolved", NONE, event.hostId());
    }
}
