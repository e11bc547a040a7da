package dev.lobbygovernor.wolf.internal;

import dev.lobbygovernor.core.gpu.NvidiaFailureText;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies the {@code gpu_stats.error} text Wolf reports when its nvidia-smi call fails. The
 * text is either nvidia-smi's own message, classified by the shared {@link NvidiaFailureText}
 * rules, or Wolf's own wording ("nvidia-smi exited with code N", "Unexpected nvidia-smi output",
 * a shell's "not found"), classified here; nvidia-smi's exit codes mirror NVML's return codes.
 */
public final class WolfGpuErrors {

    private static final Pattern EXIT_CODE = Pattern.compile("exited with code (\\d{1,3})");

    private WolfGpuErrors() {
    }

    /**
     * The cause a {@code gpu_stats.error} text names.
     *
     * @param error Wolf's text, possibly {@code null}
     * @return the cause, {@code UNKNOWN} when the text names none
     */
    public static ProbeFailureCause classify(String error) {
        if (error == null || error.isBlank()) {
            return ProbeFailureCause.UNKNOWN;
        }
        String t = error.toLowerCase(Locale.ROOT);
        // Looser than the shared rules, and first, as before: Wolf may paraphrase a permission
        // failure ("permission denied"), and that outranks a "failed to initialize NVML" around it.
        if (t.contains("insufficient permissions") || t.contains("permission denied")) {
            return ProbeFailureCause.NO_PERMISSION;
        }
        Optional<ProbeFailureCause> nvidia = NvidiaFailureText.recognize(error);
        if (nvidia.isPresent()) {
            return nvidia.get();
        }
        return wolfWording(t);
    }

    /** Wolf's own summaries of a failed nvidia-smi run, and a shell's answers. */
    private static ProbeFailureCause wolfWording(String t) {
        if (t.contains("version mismatch")) {
            return ProbeFailureCause.VERSION_MISMATCH;
        }
        if (t.contains("nvml init")) {
            return ProbeFailureCause.INIT_FAILED;
        }
        if (t.contains("unexpected nvidia-smi output")) {
            return ProbeFailureCause.MALFORMED_OUTPUT;
        }
        if (t.contains("timed out") || t.contains("timeout")) {
            return ProbeFailureCause.TIMEOUT;
        }
        if (t.contains("not found") || t.contains("no such file")) {
            return ProbeFailureCause.LIBRARY_MISSING;
        }
        Matcher m = EXIT_CODE.matcher(t);
        return m.find() ? fromExitCode(Integer.parseInt(m.group(1))) : ProbeFailureCause.UNKNOWN;
    }

    /** nvidia-smi's exit codes (NVML's return codes); 255 is "other" and says nothing more. */
    private static ProbeFailureCause fromExitCode(int code) {
        return switch (code) {
            case 4 -> ProbeFailureCause.NO_PERMISSION;
            case 9 -> ProbeFailureCause.DRIVER_NOT_LOADED;
            case 12, 127 -> ProbeFailureCause.LIBRARY_MISSING;
            case 15 -> ProbeFailureCause.GPU_LOST;
            case 18 -> ProbeFailureCause.VERSION_MISMATCH;
            default -> ProbeFailureCause.UNKNOWN;
        };
    }
}
