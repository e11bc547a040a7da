package dev.lobbygovernor.core.cleanup.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * What this process remembers of an orphan between cycles. Kept in memory on purpose: after a
 * restart every orphan's grace period starts again, which errs on the side of not stopping.
 *
 * @param firstSeenAt when it was first listed with no record
 * @param pinRequired whether the runtime says it needs a PIN
 * @param reported whether it has been reported as left running
 */
record OrphanSighting(Instant firstSeenAt, boolean pinRequired, boolean reported) {

    OrphanSighting {
        Objects.requireNonNull(firstSeenAt, "firstSeenAt");
    }
}
