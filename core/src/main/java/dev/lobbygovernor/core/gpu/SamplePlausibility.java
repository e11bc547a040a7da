package dev.lobbygovernor.core.gpu;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Decides whether a {@link GpuSample} can be true of a working GPU. This is the one sample check
 * of the library: the health classifier and the fallback chain of {@link Probes} both use it.
 *
 * <p>The incident this library exists for read an empty GPU name, 0 MiB total memory and zero
 * encoder sessions while six lobbies ran; all of that was broken monitoring, not an idle GPU. So:
 * no devices, an empty name, no total memory or zero total memory is always implausible; a
 * device whose every numeric reading is zero, and zero encoder sessions in all, are implausible
 * while lobbies run.
 *
 * <p>Physics holds too: no reading is negative, NaN or infinite; used or free memory never
 * exceeds the total; utilisation is a percentage, 0 to 100; a temperature outside
 * {@value #MIN_TEMPERATURE_C} to {@value #MAX_TEMPERATURE_C} °C is beyond what working silicon
 * survives; board power above {@value #MAX_POWER_WATTS} W is beyond any card. Such a value says
 * the reading is corrupt, whatever the rest of it says. Each finding names the field and the
 * value read.
 *
 * <p>Total memory is required: without it nothing can be judged and no memory cap derived. Every
 * other field is optional: {@code null} (not reported, such as utilisation under MIG) is
 * neutral, never taken for zero.
 */
public final class SamplePlausibility {

    /** The coldest GPU temperature taken as real, in °C: below any rated operating range. */
    public static final int MIN_TEMPERATURE_C = -55;
    /** The hottest GPU temperature taken as real, in °C: GPUs shut down well below it. */
    public static final int MAX_TEMPERATURE_C = 150;
    /** The highest board power taken as real, in W: several times any card's limit. */
    public static final double MAX_POWER_WATTS = 5000;

    private SamplePlausibility() {
    }

    /**
     * One reason a sample is implausible.
     *
     * @param field the field that cannot be right, such as {@code devices[0].name}
     * @param detail what was read and why it cannot be right
     */
    public record Finding(String field, String detail) {
        /**
         * Requires both texts.
         *
         * @param field the field that cannot be right; not null
         * @param detail what was read and why it cannot be right; not null
         * @throws NullPointerException if either is null
         */
        public Finding {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The checks that need no context: devices present, names not empty, total memory present
     * and not zero, every value physically possible.
     *
     * @param sample the reading; not null
     * @return the findings, empty if the sample is plausible without context
     * @throws NullPointerException if {@code sample} is null
     */
    public static List<Finding> check(GpuSample sample) {
        return check(sample, 0, false);
    }

    /**
     * Every check, given what runs on the host, counting every running lobby as streaming.
     *
     * @param sample the reading
     * @param activeLobbies lobbies running on the host; a GPU under lobbies cannot read all zero
     * @param lobbiesEncode whether running lobbies hold NVENC sessions, so zero sessions in all
     *     is implausible (false for hosts that encode in software)
     * @return the findings, empty if the sample is plausible
     */
    public static List<Finding> check(GpuSample sample, int activeLobbies, boolean lobbiesEncode) {
        return check(sample, activeLobbies, activeLobbies, lobbiesEncode);
    }

    /**
     * Every check, given what runs on the host.
     *
     * @param sample the reading
     * @param activeLobbies lobbies running on the host; a GPU under lobbies cannot read all zero
     * @param streamingLobbies lobbies with a connected client: Wolf encodes per client, so only
     *     these hold NVENC sessions
     * @param lobbiesEncode whether streaming lobbies encode with NVENC, so zero sessions in all
     *     is implausible while one streams (false for hosts that encode in software)
     * @return the findings, empty if the sample is plausible
     */
    public static List<Finding> check(GpuSample sample, int activeLobbies, int streamingLobbies,
            boolean lobbiesEncode) {
        Objects.requireNonNull(sample, "sample");
        List<Finding> findings = new ArrayList<>();
        if (sample.devices().isEmpty()) {
            findings.add(new Finding("devices", "the probe reported no GPU"));
            return findings;
        }
        for (int i = 0; i < sample.devices().size(); i++) {
            checkDevice(sample.devices().get(i), i, activeLobbies, findings);
        }
        if (lobbiesEncode && streamingLobbies > 0) {
            checkEncoderSessions(sample.devices(), streamingLobbies, findings);
        }
        return findings;
    }

    /**
     * Whether the sample passes every context-free check ({@link #check(GpuSample)}).
     *
     * @param sample the reading; not null
     * @return true if no context-free check finds anything wrong
     * @throws NullPointerException if {@code sample} is null
     */
    public static boolean isPlausible(GpuSample sample) {
        return check(sample).isEmpty();
    }

    private static void checkDevice(GpuDevice d, int i, int activeLobbies, List<Finding> findings) {
        String at = "devices[" + i + "]";
        if (d.name().isBlank()) {
            findings.add(new Finding(at + ".name", "empty GPU name"));
        }
        Long total = d.memoryTotalMiB();
        if (total == null) {
            findings.add(new Finding(at + ".memoryTotalMiB", "no total memory reading"));
        } else if (total <= 0) {
            findings.add(new Finding(at + ".memoryTotalMiB", total + " MiB total memory"));
        }
        checkMemoryPart(at + ".memoryUsedMiB", d.memoryUsedMiB(), "used", total, findings);
        checkMemoryPart(at + ".memoryFreeMiB", d.memoryFreeMiB(), "free", total, findings);
        checkPercent(at + ".gpuUtilizationPercent", d.gpuUtilizationPercent(), findings);
        checkPercent(at + ".memoryUtilizationPercent", d.memoryUtilizationPercent(), findings);
        checkPercent(at + ".encoderUtilizationPercent", d.encoderUtilizationPercent(), findings);
        Integer celsius = d.temperatureC();
        if (celsius != null && (celsius < MIN_TEMPERATURE_C || celsius > MAX_TEMPERATURE_C)) {
            findings.add(new Finding(at + ".temperatureC", celsius + " °C, outside "
                    + MIN_TEMPERATURE_C + " to " + MAX_TEMPERATURE_C + " °C"));
        }
        Double watts = d.powerWatts();
        if (watts != null && !(watts >= 0 && watts <= MAX_POWER_WATTS)) {
            // written so that NaN, which fails every comparison, is caught too
            findings.add(new Finding(at + ".powerWatts", watts + " W, outside 0 to "
                    + (long) MAX_POWER_WATTS + " W"));
        }
        checkCount(at + ".encoderSessions", d.encoderSessions(), findings);
        checkCount(at + ".encoderAverageFps", d.encoderAverageFps(), findings);
        checkCount(at + ".encoderAverageLatencyUs", d.encoderAverageLatencyUs(), findings);
        if (activeLobbies > 0) {
            List<Number> readings = numericReadings(d);
            if (readings.isEmpty()) {
                findings.add(new Finding(at, "no numeric reading while " + activeLobbies + " lobbies run"));
            } else if (readings.stream().allMatch(n -> n.doubleValue() == 0.0)) {
                findings.add(new Finding(at, "every numeric reading is zero while " + activeLobbies
                        + " lobbies run"));
            }
        }
    }

    private static void checkMemoryPart(String field, Long value, String what, Long total,
            List<Finding> findings) {
        if (value == null) {
            return;
        }
        if (value < 0) {
            findings.add(new Finding(field, value + " MiB " + what + ", negative"));
        } else if (total != null && total > 0 && value > total) {
            findings.add(new Finding(field, value + " MiB " + what + " of " + total + " MiB total"));
        }
    }

    private static void checkPercent(String field, Integer value, List<Finding> findings) {
        if (value != null && (value < 0 || value > 100)) {
            findings.add(new Finding(field, value + " %, outside 0 to 100 %"));
        }
    }

    private static void checkCount(String field, Integer value, List<Finding> findings) {
        if (value != null && value < 0) {
            findings.add(new Finding(field, value + ", negative"));
        }
    }

    private static void checkEncoderSessions(List<GpuDevice> devices, int streamingLobbies,
            List<Finding> findings) {
        List<Integer> reported = devices.stream().map(GpuDevice::encoderSessions)
                .filter(Objects::nonNull).toList();
        // A probe that cannot read encoder stats reports null; only a reported zero is evidence.
        if (!reported.isEmpty() && reported.stream().mapToInt(Integer::intValue).sum() == 0) {
            findings.add(new Finding("devices[*].encoderSessions",
                    "0 encoder sessions while " + streamingLobbies + " lobbies stream"));
        }
    }

    private static List<Number> numericReadings(GpuDevice d) {
        return Stream.<Number>of(d.memoryTotalMiB(), d.memoryUsedMiB(), d.memoryFreeMiB(),
                        d.gpuUtilizationPercent(), d.memoryUtilizationPercent(),
                        d.encoderUtilizationPercent(), d.temperatureC(), d.powerWatts(),
                        d.encoderSessions(), d.encoderAverageFps(), d.encoderAverageLatencyUs())
                .filter(Objects::nonNull).toList();
    }
}
