package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.gpu.ProbeException;
import java.util.ArrayList;
import java.util.List;

/** What a fallback chain of probes says when every probe failed. */
final class ProbeFailures {

    private ProbeFailures() {
    }

    /**
     * Each probe's own failure, in the chain's order. A fallback chain throws its best probe's
     * failure as the cause and the others suppressed; any other failure is its own only one.
     */
    static List<ProbeException> eachOf(ProbeException chainFailure) {
        List<ProbeException> each = new ArrayList<>();
        Throwable first = chainFailure.getCause();
        each.add(first instanceof ProbeException p ? p : chainFailure);
        for (Throwable t : chainFailure.getSuppressed()) {
            if (t instanceof ProbeException p) {
                each.add(p);
            }
        }
        return each;
    }
}
