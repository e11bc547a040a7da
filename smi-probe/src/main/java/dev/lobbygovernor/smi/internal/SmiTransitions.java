package dev.lobbygovernor.smi.internal;

import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.smi.SmiFieldError;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what changes about nvidia-smi's partial failures, once per change: a GPU field that starts
 * failing (WARN) and once it reads again (INFO); the compute-process query starting to fail, or
 * failing differently (WARN), and answering again (INFO). A steady state, good or bad, logs
 * nothing: the probe is sampled every few seconds, and a line per sample would bury the change.
 *
 * <p>Not thread-safe: the probe calls it only while it holds its one-run-at-a-time lock.
 */
public final class SmiTransitions {

    private static final Logger log = LoggerFactory.getLogger(SmiTransitions.class);

    private final String probe;
    private final Set<SmiFieldError> failingFields = new HashSet<>();
    /** The cause the compute-process query last failed with, or null while it answers. */
    private ProbeFailureCause appsFailing;

    /**
     * Transitions of one probe.
     *
     * @param probe the probe's name, logged with each line
     */
    public SmiTransitions(String probe) {
        this.probe = probe;
    }

    /**
     * The field errors of one successful GPU query. The same token in the same field of the same
     * GPU is the same failure; another token in that field is a new one and is logged again.
     *
     * @param now every field error of the query, empty if none
     */
    public void fieldErrors(List<SmiFieldError> now) {
        Set<SmiFieldError> current = new HashSet<>(now);
        for (SmiFieldError e : current) {
            if (!failingFields.contains(e)) {
                log.atWarn().addKeyValue("probe", probe).addKeyValue("gpu", e.gpuIndex())
                        .addKeyValue("field", e.field()).addKeyValue("value", e.token())
                        .log("nvidia-smi could not read a GPU field");
            }
        }
        for (SmiFieldError e : failingFields) {
            if (current.stream().noneMatch(c -> c.gpuIndex() == e.gpuIndex() && c.field().equals(e.field()))) {
                log.atInfo().addKeyValue("probe", probe).addKeyValue("gpu", e.gpuIndex())
                        .addKeyValue("field", e.field()).log("nvidia-smi reads the GPU field again");
            }
        }
        failingFields.clear();
        failingFields.addAll(current);
    }

    /**
     * The compute-process query failed; the GPU reading stands.
     *
     * @param e why it failed
     */
    public void appsFailed(ProbeException e) {
        if (e.failureCause() == appsFailing) {
            return;
        }
        appsFailing = e.failureCause();
        log.atWarn().addKeyValue("probe", probe).addKeyValue("cause", e.failureCause())
                .log("nvidia-smi could not list compute processes: " + e.getMessage());
    }

    /** The compute-process query answered. */
    public void appsAnswered() {
        if (appsFailing != null) {
            log.atInfo().addKeyValue("probe", probe).addKeyValue("after", appsFailing)
                    .log("nvidia-smi lists compute processes again");
            appsFailing = null;
        }
    }
}
