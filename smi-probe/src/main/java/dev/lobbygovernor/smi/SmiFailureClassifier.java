package dev.lobbygovernor.smi;

import dev.lobbygovernor.core.gpu.NvidiaFailureText;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.smi.internal.Text;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns what a failing nvidia-smi said (its exit code and its text) into a typed
 * {@link ProbeException} with a sentence an operator can act on. Pure; usable on saved output
 * (an operator's {@code doctor} command classifies files with it).
 *
 * <p>The text decides first, because it is more specific than the exit code (nvidia-smi exits
 * 255 for several unrelated errors); the exit code decides when the text is not recognised. The
 * failure texts and the operator hints are shared with the other probes through
 * {@link NvidiaFailureText}; the exit codes are nvidia-smi's own and stay here.
 */
public final class SmiFailureClassifier {

    /**
     * What to do when NVML fails with "Unknown Error" inside a container; the same text as
     * {@link NvidiaFailureText#CONTAINER_DEVICE_HINT}, kept here for existing callers.
     */
    public static final String CONTAINER_DEVICE_HINT = NvidiaFailureText.CONTAINER_DEVICE_HINT;

    /** The answer of nvidia-smi on a machine where it sees no GPU: not a failure, zero devices. */
    private static final String NO_DEVICES = "no devices were found";

    private SmiFailureClassifier() {
    }

    /**
     * The cause named by a known nvidia-smi failure text anywhere in {@code text}, if any.
     *
     * @param text nvidia-smi's output (stdout, stderr or both), or a saved file
     * @return the cause, or empty if the text holds no known failure
     */
    public static Optional<ProbeFailureCause> causeOf(String text) {
        return NvidiaFailureText.recognize(text);
    }

    /**
     * The failure a known nvidia-smi failure text describes, or empty if the text holds none.
     * A file holding only {@code Failed to initialize NVML: Unknown Error} is
     * {@link ProbeFailureCause#INIT_FAILED} with {@link #CONTAINER_DEVICE_HINT}.
     *
     * @param source the probe or file name to report
     * @param text the text to recognise
     * @return the typed failure, or empty if the text holds no known failure
     */
    public static Optional<ProbeException> recognize(String source, String text) {
        return NvidiaFailureText.recognize(text).map(cause -> new ProbeException(source, cause,
                "nvidia-smi failed: " + Text.quote(failureLine(text, cause)) + ". "
                        + NvidiaFailureText.hint(cause, text),
                Text.raw(text.strip())));
    }

    /**
     * Classifies a failed run: by its text when recognised, else by its exit code (nvidia-smi's
     * exit codes mirror NVML's return codes), else {@link ProbeFailureCause#UNKNOWN}. Never
     * returns {@code null}.
     *
     * @param source the probe name to report
     * @param exitCode the exit code, if the process exited
     * @param text what it printed (stdout and stderr together)
     * @return the typed failure, with a message an operator can act on
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
        String advice = cause == ProbeFailureCause.UNKNOWN ? "" : " " + NvidiaFailureText.hint(cause);
        return new ProbeException(source, cause, "nvidia-smi " + exit + " and said " + said + "." + advice, raw);
    }

    /**
     * Whether the text is nvidia-smi's answer for a machine with no GPU ("No devices were
     * found"), which is a reading of zero devices rather than a failure.
     *
     * @param text what nvidia-smi printed
     * @return whether its first line says there are no devices
     */
    public static boolean saysNoDevices(String text) {
        return Text.firstLine(text).toLowerCase(Locale.ROOT).startsWith(NO_DEVICES);
    }

    /**
     * The cause an nvidia-smi exit code stands for.
     *
     * @param exitCode nvidia-smi's exit code
     * @return the cause, {@link ProbeFailureCause#UNKNOWN} if the code names none
     */
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

    /** The line that holds the recognised failure text, so the message quotes it and not a banner. */
    private static String failureLine(String text, ProbeFailureCause cause) {
        return text.lines().filter(l -> NvidiaFailureText.recognize(l).equals(Optional.of(cause))).findFirst()
                .map(String::strip).orElseGet(() -> Text.firstLine(text));
    }
}
