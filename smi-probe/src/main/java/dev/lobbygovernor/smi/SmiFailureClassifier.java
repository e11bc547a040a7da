package dev.lobbygovernor.smi;

import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.smi.internal.Text;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns what a failing nvidia-smi said (its exit code and its text) into a typed
 * {@link ProbeException} with a sentence an operator can act on. Pure; usable on saved output
 * (an operator's {@code doctor} command classifies files with it).
 *
 * <p>The text decides first, because it is more specific than the exit code (nvidia-smi exits
 * 255 for several unrelated errors); the exit code decides when the text is not recognised.
 */
public final class SmiFailureClassifier {

    /** What to do when NVML fails with "Unknown Error" inside a container. */
    public static final String CONTAINER_DEVICE_HINT = "Inside a container this usually means the container "
            + "lost access to /dev/nvidia* (a systemd daemon-reload or container update drops the device "
            + "permissions the NVIDIA runtime granted); the GPU work keeps running, but every new NVML client "
            + "fails until the container is restarted. Restart the container; to prevent it, run "
            + "'nvidia-ctk system create-dev-char-symlinks --create-all', use the cgroupfs driver, pass the "
            + "/dev/nvidia* nodes with --device, or use CDI.";

    private record Rule(String needle, ProbeFailureCause cause, String message) {
    }

    /** Most specific first: "Failed to initialize NVML: Unknown Error" before "Failed to initialize NVML". */
    private static final List<Rule> TEXT_RULES = List.of(
            new Rule("failed to initialize nvml: unknown error", ProbeFailureCause.INIT_FAILED,
                    "nvidia-smi could not initialise NVML (\"Unknown Error\"). " + CONTAINER_DEVICE_HINT),
            new Rule(": insufficient permissions", ProbeFailureCause.NO_PERMISSION,
                    "nvidia-smi may not read the GPU (\"Insufficient Permissions\"). Run it as a user with "
                            + "access to /dev/nvidia*, or pass the devices into the container."),
            new Rule("driver/library version mismatch", ProbeFailureCause.VERSION_MISMATCH,
                    "The NVIDIA user-space library and the loaded kernel driver differ in version (usually "
                            + "after a driver upgrade without a reboot). Reboot, or reload the nvidia kernel modules."),
            new Rule("couldn't communicate with the nvidia driver", ProbeFailureCause.DRIVER_NOT_LOADED,
                    "nvidia-smi could not talk to the NVIDIA kernel driver. Check that the driver is installed "
                            + "and loaded (lsmod | grep nvidia) and that the container sees /dev/nvidia*."),
            new Rule("gpu is lost", ProbeFailureCause.GPU_LOST,
                    "A GPU fell off the bus (\"GPU is lost\"). The machine needs a GPU reset or a reboot."),
            new Rule("fallen off the bus", ProbeFailureCause.GPU_LOST,
                    "A GPU fell off the bus. The machine needs a GPU reset or a reboot."),
            new Rule("couldn't find libnvidia-ml.so", ProbeFailureCause.LIBRARY_MISSING,
                    "nvidia-smi could not find libnvidia-ml.so. Install the NVIDIA driver's user-space "
                            + "libraries, or mount them into the container."),
            new Rule("nvml shared library not found", ProbeFailureCause.LIBRARY_MISSING,
                    "nvidia-smi could not find the NVML library. Install the NVIDIA driver's user-space "
                            + "libraries, or mount them into the container."),
            new Rule("failed to initialize nvml", ProbeFailureCause.INIT_FAILED,
                    "nvidia-smi could not initialise NVML. The raw message says why."));

    /** The answer of nvidia-smi on a machine where it sees no GPU: not a failure, zero devices. */
    private static final String NO_DEVICES = "no devices were found";

    private SmiFailureClassifier() {
    }

    /**
     * The cause named by a known nvidia-smi failure text anywhere in {@code text}, if any.
     *
     * @param text nvidia-smi's output (stdout, stderr or both), or a saved file
     */
    public static Optional<ProbeFailureCause> causeOf(String text) {
        return rule(text).map(Rule::cause);
    }

    /**
     * The failure a known nvidia-smi failure text describes, or empty if the text holds none.
     * A file holding only {@code Failed to initialize NVML: Unknown Error} is
     * {@link ProbeFailureCause#INIT_FAILED} with {@link #CONTAINER_DEVICE_HINT}.
     *
     * @param source the probe or file name to report
     * @param text the text to recognise
     */
    public static Optional<ProbeException> recognize(String source, String text) {
        return rule(text).map(r -> new ProbeException(source, r.cause(), r.message(), Text.raw(text.strip())));
    }

    /**
     * Classifies a failed run: by its text when recognised, else by its exit code (nvidia-smi's
     * exit codes mirror NVML's return codes), else {@link ProbeFailureCause#UNKNOWN}. Never
     * returns {@code null}.
     *
     * @param source the probe name to report
     * @param exitCode the exit code, if the process exited
     * @param text what it printed (stdout and stderr together)
     */
    public static ProbeException classify(String source, OptionalInt exitCode, String text) {
        Optional<ProbeException> byText = recognize(source, text);
        if (byText.isPresent()) {
            return byText.get();
        }
        String raw = Text.raw(text.strip());
        String said = Text.firstLine(text).isEmpty() ? "nothing" : Text.quote(Text.firstLine(text));
        String exit = exitCode.isPresent() ? "exited " + exitCode.getAsInt() : "failed";
        ProbeFailureCause cause = exitCode.isPresent() ? causeOfExitCode(exitCode.getAsInt()) : ProbeFailureCause.UNKNOWN;
        String advice = switch (cause) {
            case DRIVER_NOT_LOADED -> " The NVIDIA kernel driver is not loaded.";
            case GPU_LOST -> " A GPU fell off the bus; the machine needs a GPU reset or a reboot.";
            case NO_PERMISSION -> " It may not read the GPU.";
            case VERSION_MISMATCH -> " The driver library and kernel module differ; reboot or reload the driver.";
            case LIBRARY_MISSING -> " It could not find the NVML library.";
            default -> "";
        };
        return new ProbeException(source, cause, "nvidia-smi " + exit + " and said " + said + "." + advice, raw);
    }

    /**
     * Whether the text is nvidia-smi's answer for a machine with no GPU ("No devices were
     * found"), which is a reading of zero devices rather than a failure.
     */
    public static boolean saysNoDevices(String text) {
        return Text.firstLine(text).toLowerCase(Locale.ROOT).startsWith(NO_DEVICES);
    }

    /** The cause an nvidia-smi exit code stands for, {@link ProbeFailureCause#UNKNOWN} if none. */
    public static ProbeFailureCause causeOfExitCode(int exitCode) {
        return switch (exitCode) {
            case 4 -> ProbeFailureCause.NO_PERMISSION;
            case 9 -> ProbeFailureCause.DRIVER_NOT_LOADED;
            case 12 -> ProbeFailureCause.LIBRARY_MISSING;
            case 15 -> ProbeFailureCause.GPU_LOST;
            case 18 -> ProbeFailureCause.VERSION_MISMATCH;
            default -> ProbeFailureCause.UNKNOWN;
        };
    }

    private static Optional<Rule> rule(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Rule r : TEXT_RULES) {
            if (lower.contains(r.needle())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
