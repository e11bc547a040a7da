package dev.lobbygovernor.core.gpu;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that knows NVIDIA's failure texts and what an operator should do about each
 * cause. nvidia-smi prints NVML's failure texts, and Wolf forwards nvidia-smi's, so the NVML,
 * nvidia-smi and Wolf probes and the health log all classify and advise through this class.
 * Tool-specific signals stay with their tool: nvidia-smi exit codes in the smi probe, NVML return
 * codes in the NVML probe, Wolf's own wording in the Wolf client.
 *
 * <p>Pure and stateless. Matching ignores case ({@link Locale#ROOT}) and looks for the text
 * anywhere, so a whole captured output can be passed. The rules only match the tools' failure
 * sentences, never a bare field value such as {@code [Insufficient Permissions]} or
 * {@code [Unknown Error]}, which nvidia-smi prints for one unreadable field of a working GPU.
 */
public final class NvidiaFailureText {

    /**
     * What to do when NVML fails with "Unknown Error" inside a container. Docker's systemd cgroup
     * driver drops the container's access to {@code /dev/nvidia*} on a daemon-reload or a
     * container update; running GPU work survives, new NVML clients fail until a restart.
     */
    public static final String CONTAINER_DEVICE_HINT = "Inside a container this usually means the container"
            + " lost access to the GPU device nodes (/dev/nvidia*): with Docker's systemd cgroup driver, a"
            + " systemctl daemon-reload or any container update drops the device access the NVIDIA runtime"
            + " granted. GPU work keeps running, but every new NVML client fails until the container is"
            + " restarted. Restart the container in which NVML fails (for the Wolf probe, the streaming"
            + " server's container). To prevent it: run 'nvidia-ctk system create-dev-char-symlinks"
            + " --create-all', use the cgroupfs driver, pass the /dev/nvidia* nodes with --device, or use CDI.";

    private record Rule(String needle, ProbeFailureCause cause) {
    }

    /** The needle that, with {@link ProbeFailureCause#INIT_FAILED}, marks lost device access. */
    private static final String UNKNOWN_ERROR = "unknown error";

    /**
     * Most specific first: "Failed to initialize NVML: Unknown Error" and the other
     * "Failed to initialize NVML: ..." texts come before the bare "Failed to initialize NVML",
     * whose remainder the later rules would otherwise never see. The leading colon of
     * ": insufficient permissions" keeps nvidia-smi's {@code [Insufficient Permissions]} field
     * value (one unreadable field, not a failed tool) out.
     */
    private static final List<Rule> RULES = List.of(
            new Rule("failed to initialize nvml: " + UNKNOWN_ERROR, ProbeFailureCause.INIT_FAILED),
            new Rule(": insufficient permissions", ProbeFailureCause.NO_PERMISSION),
            new Rule("driver/library version mismatch", ProbeFailureCause.VERSION_MISMATCH),
            new Rule("couldn't communicate with the nvidia driver", ProbeFailureCause.DRIVER_NOT_LOADED),
            new Rule("gpu is lost", ProbeFailureCause.GPU_LOST),
            new Rule("fallen off the bus", ProbeFailureCause.GPU_LOST),
            new Rule("couldn't find libnvidia-ml.so", ProbeFailureCause.LIBRARY_MISSING),
            new Rule("nvml shared library not found", ProbeFailureCause.LIBRARY_MISSING),
            new Rule("failed to initialize nvml", ProbeFailureCause.INIT_FAILED));

    private NvidiaFailureText() {
    }

    /**
     * The cause named by the first (most specific) known NVIDIA failure text found in
     * {@code text}, or empty if it holds none.
     *
     * @param text a tool's output or a forwarded error, whole or one line; {@code null} is empty
     * @return the recognised cause, or empty if no known text is in {@code text}
     */
    public static Optional<ProbeFailureCause> recognize(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Rule r : RULES) {
            if (lower.contains(r.needle())) {
                return Optional.of(r.cause());
            }
        }
        return Optional.empty();
    }

    /**
     * Like {@link #recognize(String)}, but {@link ProbeFailureCause#UNKNOWN} when no known text is
     * found. Never returns {@code null}.
     *
     * @param text a tool's output or a forwarded error; {@code null} is {@code UNKNOWN}
     * @return the recognised cause, or {@link ProbeFailureCause#UNKNOWN}
     */
    public static ProbeFailureCause classify(String text) {
        return recognize(text).orElse(ProbeFailureCause.UNKNOWN);
    }

    /**
     * Whether a failure is NVML's "Unknown Error" at initialisation, the symptom of a container
     * that lost access to {@code /dev/nvidia*} (see {@link #CONTAINER_DEVICE_HINT}).
     *
     * @param cause the failure's cause
     * @param text the failure's text (message or raw output); {@code null} is empty
     * @return true if {@code cause} is {@link ProbeFailureCause#INIT_FAILED} and {@code text}
     *     contains "Unknown Error" (in any case)
     */
    public static boolean meansLostDeviceAccess(ProbeFailureCause cause, String text) {
        return cause == ProbeFailureCause.INIT_FAILED && text != null
                && text.toLowerCase(Locale.ROOT).contains(UNKNOWN_ERROR);
    }

    /**
     * What an operator should do about a failure with {@code cause}, as one or two sentences.
     * {@link ProbeFailureCause#UNKNOWN} gets a pointer to the raw message, since nothing more is
     * known.
     *
     * @param cause the failure's cause; not null
     * @return the advice, in full sentences
     * @throws NullPointerException if {@code cause} is null
     */
    public static String hint(ProbeFailureCause cause) {
        return switch (Objects.requireNonNull(cause, "cause")) {
            case LIBRARY_MISSING -> "The NVIDIA user-space library (libnvidia-ml.so.1) or nvidia-smi is not"
                    + " on this machine: install the NVIDIA driver, or run the container with the NVIDIA"
                    + " Container Toolkit so they are mounted into it.";
            case INIT_FAILED -> "NVML could not start: check that the process can open /dev/nvidia* and"
                    + " restart the container it runs in.";
            case NO_PERMISSION -> "The process may not read the GPU: run it as a user with access to"
                    + " /dev/nvidia*, or pass the devices into the container.";
            case DRIVER_NOT_LOADED -> "The NVIDIA kernel driver is not loaded or does not answer: check that"
                    + " it is installed and loaded (lsmod | grep nvidia) and that the container sees"
                    + " /dev/nvidia*; the host may need the driver reloaded or a reboot.";
            case VERSION_MISMATCH -> "The NVIDIA user-space library and the loaded kernel driver differ in"
                    + " version (usually a driver upgrade without a reboot): reboot the host or reload the"
                    + " nvidia kernel modules.";
            case GPU_LOST -> "The GPU fell off the bus or needs a reset: drain the host, look for Xid errors"
                    + " in the kernel log, and reset the GPU or reboot.";
            case TIMEOUT -> "The probe hangs, which a wedged driver does: check nvidia-smi on the host and"
                    + " restart the container whose GPU calls hang (for the Wolf probe, the streaming"
                    + " server's container).";
            case MALFORMED_OUTPUT -> "The probe's answer could not be read: check the driver and tool"
                    + " versions.";
            case UNKNOWN -> "The raw message says what failed; check the host's GPU and the probe.";
        };
    }

    /**
     * What an operator should do about this failure: {@link #CONTAINER_DEVICE_HINT} when it
     * {@linkplain #meansLostDeviceAccess means lost device access}, else {@link #hint(ProbeFailureCause)}.
     *
     * @param cause the failure's cause
     * @param text the failure's text (message or raw output); {@code null} is empty
     * @return the advice, in full sentences
     * @throws NullPointerException if {@code cause} is null
     */
    public static String hint(ProbeFailureCause cause, String text) {
        return meansLostDeviceAccess(cause, text) ? CONTAINER_DEVICE_HINT : hint(cause);
    }
}
