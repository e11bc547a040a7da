package dev.lobbygovernor.core.health;

import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import java.util.Locale;

/** What to tell an operator about lost monitoring: the cause that matters most, and what to do. */
final class OperatorHints {

    private static final String BLIND =
            " Until then the host is blind: do not add lobbies beyond its count-based cap.";

    private OperatorHints() {
    }

    /**
     * The reason to name first: a probe failure (the best probe's, which carries the tool's own
     * words), else an implausible reading, else staleness.
     */
    static HealthReason primaryCause(HostHealth health) {
        HealthReason implausible = null;
        HealthReason stale = null;
        for (HealthReason r : health.reasons()) {
            if (r instanceof HealthReason.ProbeFailed) {
                return r;
            }
            if (r instanceof HealthReason.Implausible && implausible == null) {
                implausible = r;
            }
            if (r instanceof HealthReason.Stale && stale == null) {
                stale = r;
            }
        }
        if (implausible != null) {
            return implausible;
        }
        return stale != null ? stale : health.reasons().isEmpty() ? null : health.reasons().get(0);
    }

    /** A sentence saying what to do about {@code cause}. */
    static String whatToDo(HealthReason cause) {
        if (cause instanceof HealthReason.ProbeFailed f) {
            return forFailure(f) + BLIND;
        }
        if (cause instanceof HealthReason.Implausible) {
            return "Empty or all-zero GPU readings mean monitoring is broken, not that the GPU is idle"
                    + " (the NVML \"Unknown Error\" of a container that lost its GPU devices reads this way);"
                    + " check nvidia-smi inside the streaming server's container and restart it if it fails."
                    + BLIND;
        }
        if (cause instanceof HealthReason.Stale) {
            return "No fresh GPU reading arrives: the probe or its source is stuck; check the probe and"
                    + " the streaming server." + BLIND;
        }
        return "Check the host's GPU and the probe." + BLIND;
    }

    private static String forFailure(HealthReason.ProbeFailed f) {
        String detail = f.detail().toLowerCase(Locale.ROOT);
        if (f.cause() == ProbeFailureCause.INIT_FAILED && detail.contains("unknown error")) {
            return "Inside a container this means the container lost access to the GPU device nodes"
                    + " (a systemd cgroup reload, such as systemctl daemon-reload, drops /dev/nvidia*);"
                    + " GPU work keeps running but NVML cannot start again. Restart the streaming"
                    + " server's container. To prevent it: nvidia-ctk system create-dev-char-symlinks"
                    + " --create-all, the cgroupfs driver, explicit --device nodes, or CDI.";
        }
        return switch (f.cause()) {
            case LIBRARY_MISSING -> "The NVIDIA library or nvidia-smi is not on this machine: install the"
                    + " driver, or mount it into the container (NVIDIA container runtime).";
            case INIT_FAILED -> "NVML could not start: check that the process can open /dev/nvidia* and"
                    + " restart the streaming server's container.";
            case NO_PERMISSION -> "The process may not read the GPU: grant access to /dev/nvidia*.";
            case DRIVER_NOT_LOADED -> "The NVIDIA kernel driver does not answer: check nvidia-smi on the"
                    + " host; the host may need the driver reloaded or a reboot.";
            case VERSION_MISMATCH -> "The NVIDIA library and kernel driver differ in version (usually a"
                    + " driver upgrade without reboot): reboot the host or reload the driver.";
            case GPU_LOST -> "The GPU fell off the bus or needs a reset: drain the host and reset the GPU.";
            case TIMEOUT -> "The probe hangs, which a wedged driver does: check nvidia-smi on the host and"
                    + " restart the streaming server's container.";
            case MALFORMED_OUTPUT -> "The probe's answer could not be read: check the driver and tool"
                    + " versions.";
            default -> "See the probe's message above.";
        };
    }
}
