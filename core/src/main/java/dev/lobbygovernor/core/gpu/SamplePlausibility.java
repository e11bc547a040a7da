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
 * no devices, an empty name or zero total memory is always implausible; a device whose every
 * numeric reading is zero, and zero encoder sessions in all, are implausible while lobbies run.
 * A {@code null} reading (not reported, such as utilisation under MIG) is never taken for zero.
 */
public final class SamplePlausibility {

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
     * The checks that need no context: devices present, names not empty, total memory not zero.
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
        if (d.memoryTotalMiB() != null && d.memoryTotalMiB() <= 0) {
            findings.add(new Finding(at + ".memoryTotalMiB", d.memoryTotalMiB() + " MiB total memory"));
        }
        if (d.memoryUsedMiB() != null && d.memoryTotalMiB() != null && d.memoryTotalMiB() > 0
                && d.memoryUsedMiB() > d.memoryTotalMiB()) {
            findings.add(new Finding(at + ".memoryUsedMiB",
                    d.memoryUsedMiB() + " MiB used of " + d.memoryTotalMiB() + " MiB total"));
        }
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
