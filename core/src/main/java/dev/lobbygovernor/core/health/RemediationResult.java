package dev.lobbygovernor.core.health;

import java.util.Objects;

/**
 * What a {@link Remediation} achieved.
 *
 * @param succeeded whether the action did what it meant to (a restart issued, say); whether
 *     monitoring came back is for the next samples to show
 * @param detail a sentence for the log; never a secret
 */
public record RemediationResult(boolean succeeded, String detail) {

    /** Absent detail becomes empty. */
    public RemediationResult {
        detail = Objects.requireNonNullElse(detail, "");
    }

    /** A successful action. */
    public static RemediationResult succeeded(String detail) {
        return new RemediationResult(true, detail);
    }

    /** A failed action. */
    public static RemediationResult failed(String detail) {
        return new RemediationResult(false, detail);
    }
}
