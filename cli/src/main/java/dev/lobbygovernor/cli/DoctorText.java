package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.smi.SmiFieldError;
import java.io.PrintStream;
import java.util.List;

/** {@code doctor}'s text output: one block per GPU, then the health and why. */
final class DoctorText {

    private static final String NOT_READ = "n/a";

    private DoctorText() {
    }

    static void print(PrintStream out, String source, List<GpuDevice> devices, HostHealth health,
            List<ProbeException> failures, List<SmiFieldError> fieldErrors) {
        out.println("source: " + source);
        if (noGpuLibrary(failures)) {
            out.println("No GPU library is present on this machine: neither NVML (libnvidia-ml.so.1) nor "
                    + "nvidia-smi could be found, so the GPU cannot be monitored.");
        }
        for (ProbeException f : failures) {
            out.println("probe " + f.probeName() + " failed (" + f.failureCause() + "): " + f.getMessage());
            if (!f.rawMessage().isEmpty() && !f.getMessage().contains(f.rawMessage())) {
                out.println("  it said: " + f.rawMessage());
            }
        }
        for (GpuDevice d : devices) {
            out.printf("GPU %d  %s  %s%n", d.index(), text(d.name()), text(d.uuid()));
            out.printf("  memory        %s / %s MiB used, %s MiB free%n",
                    value(d.memoryUsedMiB()), value(d.memoryTotalMiB()), value(d.memoryFreeMiB()));
            out.printf("  utilisation   gpu %s %%, memory %s %%%n",
                    value(d.gpuUtilizationPercent()), value(d.memoryUtilizationPercent()));
            out.printf("  encoder       %s sessions%n", value(d.encoderSessions()));
            if (d.encoderCapacity() != null) {
                out.printf("  capacity      H.264 %s %%, HEVC %s %%, AV1 %s %%%n", value(d.encoderCapacity().h264Percent()),
                        value(d.encoderCapacity().hevcPercent()), value(d.encoderCapacity().av1Percent()));
            }
            out.printf("  temperature   %s °C%n", value(d.temperatureC()));
            out.printf("  power         %s W%n", value(d.powerWatts()));
        }
        for (SmiFieldError e : fieldErrors) {
            out.printf("  GPU %d: nvidia-smi could not read %s (it printed %s)%n", e.gpuIndex(), e.field(), e.token());
        }
        out.printf("health: %s (monitoring %s)%n", health.status(),
                health.monitoringWorking() ? "working" : "NOT working");
        for (HealthReason r : health.reasons()) {
            out.println("  - " + r.message());
        }
    }

    private static String text(String s) {
        return s.isEmpty() ? "(empty)" : s;
    }

    private static String value(Object v) {
        return v == null ? NOT_READ : v.toString();
    }

    /** Whether every probe failed because its library or executable is missing. */
    static boolean noGpuLibrary(List<ProbeException> failures) {
        return !failures.isEmpty()
                && failures.stream().allMatch(f -> f.failureCause() == ProbeFailureCause.LIBRARY_MISSING);
    }
}
