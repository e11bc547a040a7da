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

    /**
     * Absent detail becomes empty.
     *
     * @param succeeded whether the action did what it meant to
     * @param detail a sentence for the log; {@code null} reads as empty
     */
    public RemediationResult {
        detail = Objects.requireNonNullElse(detail, "");
    }

    /**
     * A successful action.
     *
     * @param detail what was done, such as "container wolf restarted"; {@code null} reads as empty
     * @return a result with {@code succeeded} true
     */
    public static RemediationResult succeeded(String detail) {
        return new RemediationResult(true, detail);
    }

    /**
     * A failed action; the monitor tries again after the cool-down if monitoring stays lost.
     *
     * @param detail what went wrong; {@code null} reads as empty
     * @return a result with {@code succeeded} false
     */
    public static RemediationResult failed(String detail) {
        return new RemediationResult(false, detail);
    }
}
