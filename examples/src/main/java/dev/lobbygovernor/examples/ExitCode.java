package dev.lobbygovernor.examples;

import dev.lobbygovernor.core.health.HealthStatus;

/** The command line's exit codes, documented in {@link Main}'s usage text. */
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
