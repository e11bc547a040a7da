package dev.lobbygovernor.core.diagnosis;

import java.util.List;
import java.util.Objects;

/**
 * One check's conclusion.
 *
 * @param check what was checked
 * @param status what the check concluded
 * @param code the specific conclusion, for programs
 * @param summary one sentence for a person
 * @param evidence what was read or tried, one item per fact (a file's content, an open attempt)
 * @param action what a person can do; empty when there is nothing to do ({@link FindingStatus#OK},
 *     and usually {@link FindingStatus#NOT_APPLICABLE}), never empty for a
 *     {@link FindingStatus#PROBLEM}
 */
public record Finding(Check check, FindingStatus status, FindingCode code, String summary,
        List<String> evidence, String action) {

    /**
     * Validates and copies.
     *
     * @param check what was checked
     * @param status what the check concluded
     * @param code the specific conclusion
     * @param summary one sentence; not blank
     * @param evidence what was read or tried; copied
     * @param action what a person can do; empty for nothing, not blank for a problem
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException if the summary is blank, the status is not the code's, or a
     *     problem carries no action
     */
    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(summary, "summary");
        evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
        Objects.requireNonNull(action, "action");
        if (summary.isBlank()) {
            throw new IllegalArgumentException("a finding needs a summary");
        }
        if (code.status() != status) {
            throw new IllegalArgumentException(code + " is a finding of status " + code.status() + ", not " + status);
        }
        if (status == FindingStatus.PROBLEM && action.isBlank()) {
            throw new IllegalArgumentException("a problem needs an action: " + summary);
        }
    }

    /**
     * Whether this finding is a problem.
     *
     * @return true if the status is {@link FindingStatus#PROBLEM}
     */
    public boolean isProblem() {
        return status == FindingStatus.PROBLEM;
    }
}
