package dev.lobbygovernor.micrometer.internal;

import dev.lobbygovernor.core.cleanup.CleanupListener;
import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.cleanup.CycleReport;
import io.micrometer.core.instrument.Counter;
import java.util.Locale;

/** Counts cleanup outcomes by kind and host, once per outcome, from the cycle's report. */
public final class CleanupMeters implements CleanupListener {

    private final Registries registries;

    /**
     * Counts into these registries.
     *
     * @param registries where counters live
     */
    public CleanupMeters(Registries registries) {
        this.registries = registries;
    }

    @Override
    public void onCycleCompleted(CycleReport report) {
        for (CleanupOutcome o : report.outcomes()) {
            String kind = o.kind().name().toLowerCase(Locale.ROOT);
            registries.each(r -> Counter.builder(MeterNames.CLEANUP_OUTCOMES).description("Cleanup outcomes")
                    .tag("kind", kind).tag("host", o.hostId()).register(r).increment());
        }
    }
}
