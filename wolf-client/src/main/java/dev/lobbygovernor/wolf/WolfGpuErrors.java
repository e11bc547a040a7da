package dev.lobbygovernor.wolf;

import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies the {@code gpu_stats.error} text Wolf reports when its nvidia-smi call fails. The
 * text is either nvidia-smi's own message or Wolf's summary, "nvidia-smi exited with code N";
 * nvidia-smi's exit codes mirror NVML's return codes.
 */
final class WolfGpuErrors {

    private static final Pattern EXIT_CODE = Pattern.compile("exited with code (\\d{1,3})");

    private WolfGpuErrors() {
    }

    static ProbeFailureCause classify(String error) {
        if (error == null || error.isBlank()) {
            return ProbeFailureCause.UNKNOWN;
        }
        String t = error.toLowerCase(Locale.ROOT);
        if (t.contains("insufficient permissions") || t.contains("permission denied")) {
            return ProbeFailureCause.NO_PERMISSION;
        }
        if (t.contains("version mismatch")) {
            return ProbeFailureCause.VERSION_MISMATCH;
        }
        if (t.contains("failed to initialize nvml") || t.contains("nvml init")) {
            return ProbeFailureCause.INIT_FAILED;
        }
        if (t.contains("couldn't communicate with the nvidia driver")) {
            return ProbeFailureCause.DRIVER_NOT_LOADED;
        }
        if (t.contains("fallen off the bus") || t.contains("gpu is lost")) {
            return ProbeFailureCause.GPU_LOST;
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
