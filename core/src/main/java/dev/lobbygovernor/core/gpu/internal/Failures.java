package dev.lobbygovernor.core.gpu.internal;

import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;

/** Turns what a misbehaving probe throws into the typed failure the SPI promises. */
final class Failures {

    private Failures() {
    }

    /** A probe threw something other than {@link ProbeException}: a bug, reported as UNKNOWN. */
    static ProbeException unexpected(String probeName, Throwable t) {
        if (t instanceof ProbeException pe) {
            return pe;
        }
        return new ProbeException(probeName, ProbeFailureCause.UNKNOWN,
                "GPU probe " + probeName + " failed unexpectedly: " + t.getClass().getSimpleName(),
                String.valueOf(t.getMessage()), t);
    }

    /** The caller was interrupted while waiting for a probe; the interrupt flag is restored. */
    static ProbeException interrupted(String probeName, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new ProbeException(probeName, ProbeFailureCause.UNKNOWN,
                "interrupted while waiting for GPU probe " + probeName, "", e);
    }
}
