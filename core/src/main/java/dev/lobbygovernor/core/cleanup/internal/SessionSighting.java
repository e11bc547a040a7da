package dev.lobbygovernor.core.cleanup.internal;

import java.time.Instant;

/**
 * A streaming session seen loose (attached to nothing) in a run of listings in a row.
 *
 * @param looseSince the cycle time of the first listing of the run
 * @param listings how many listings in a row have shown it loose
 * @param reported whether it was already reported in this run
 */
record SessionSighting(Instant looseSince, int listings, boolean reported) {
}
