package dev.lobbygovernor.core.health.internal;

import dev.lobbygovernor.core.gpu.NvidiaFailureText;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HostHealth;

/** What to tell an operator about lost monitoring: the cause that matters most, and what to do. */
final class OperatorHints {

    private static final String BLIND =
            " Until then the host is blind: do not add lobbies beyond its count-based cap.";

    private OperatorHints() {
    }

    /**
     * The reason to name first: a probe failure (the best probe's, which carries the tool's own
     * words), else an implausible reading, else staleness.
     */
    static HealthReason primaryCause(HostHealth health) {
        HealthReason implausible = null;
        HealthReason stale = null;
        for (HealthReason r : health.reasons()) {
            if (r instanceof HealthReason.ProbeFailed) {
                return r;
            }
            if (r instanceof HealthReason.Implausible && implausible == null) {
                implausible = r;
            }
            if (r instanceof HealthReason.Stale && stale == null) {
                stale = r;
            }
        }
        if (implausible != null) {
            return implausible;
        }
        return stale != null ? stale : health.reasons().isEmpty() ? null : health.reasons().get(0);
    }

    /** A sentence saying what to do about {@code cause}. */
    static String whatToDo(HealthReason cause) {
        if (cause instanceof HealthReason.ProbeFailed f) {
            return forFailure(f) + BLIND;
        }
        if (cause instanceof HealthReason.Implausible) {
            return "Empty or all-zero GPU readings mean monitoring is broken, not that the GPU is idle"
                    + " (the NVML \"Unknown Error\" of a container that lost its GPU devices reads this way);"
                    + " check nvidia-smi inside the streaming server's container and restart it if it fails."
                    + BLIND;
        }
        if (cause instanceof HealthReason.Stale) {
            return "No fresh GPU reading arrives: the probe or its source is stuck; check the probe and"
                    + " the streaming server." + BLIND;
        }
        return "Check the host's GPU and the probe." + BLIND;
    }

    /** The shared per-cause advice; the container hint when NVML said "Unknown Error". */
    private static String forFailure(HealthReason.ProbeFailed f) {
        return f.cause() == ProbeFailureCause.UNKNOWN
                ? "See the probe's message above."
                : NvidiaFailureText.hint(f.cause(), f.detail());
    }
}
