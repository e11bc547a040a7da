package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.health.HealthStatus;

/**
 * The command line's exit codes. The {@code *_LINE} constants are their entries in the usage
 * text ({@code "code:description"}, as picocli's {@code exitCodeList} takes them), so the usage
 * and the codes cannot drift apart.
 */
final class ExitCode {

    /** The command did its job; for health, HEALTHY or WARNING. */
    static final int OK = 0;
    /** The command line was wrong: unknown command or option, missing value, unreadable file. */
    static final int USAGE = 1;
    /** GPU monitoring is lost (no GPU library, NVML failing, implausible or stale readings). */
    static final int MONITORING_LOST = 2;
    /** The host is at a hard limit: no further lobby fits. */
    static final int EXHAUSTED = 3;
    /** The command could not do its job: Wolf unreachable, or a demo expectation failed. */
    static final int FAILED = 4;

    static final String OK_LINE = "0:ok (for health: HEALTHY or WARNING)";
    static final String USAGE_LINE = "1:usage error (unknown command or option, missing value, unreadable file)";
    static final String MONITORING_LOST_LINE = "2:GPU monitoring lost";
    static final String EXHAUSTED_LINE = "3:exhausted: no further lobby fits";
    static final String FAILED_LINE = "4:failed (Wolf unreachable, a demo expectation failed)";

    private ExitCode() {
    }

    /**
     * The exit code for a health status. UNKNOWN counts as monitoring lost: a command that
     * ends without any reading has not seen the GPU either.
     */
    static int forHealth(HealthStatus status) {
        switch (status) {
            case HEALTHY:
            case WARNING:
                return OK;
            case EXHAUSTED:
                return EXHAUSTED;
            case UNKNOWN:
            case MONITORING_LOST:
            default:
                return MONITORING_LOST;
        }
    }
}
