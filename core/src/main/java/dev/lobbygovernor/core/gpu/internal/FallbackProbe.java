package dev.lobbygovernor.core.gpu.internal;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailure;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.core.gpu.SamplePlausibility;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Tries probes in order (NVML, then nvidia-smi, then the streaming server's own stats, say); the
 * first plausible sample wins and carries the failures of the probes tried before it in
 * {@link GpuSample#skippedFailures()}.
 *
 * <p>Plausibility is {@link SamplePlausibility#check(GpuSample)}. An implausible answer is kept as
 * a {@link ProbeFailureCause#MALFORMED_OUTPUT} failure: the probe answered, but with something no
 * working GPU produces. When no probe gives a plausible sample, the first implausible sample is
 * returned with every other failure attached, so the classifier can name the implausible fields;
 * when every probe throws, the first (best) probe's failure is thrown, with the others suppressed
 * and summarised in its message.
 */
public final class FallbackProbe implements GpuProbe {

    private final List<GpuProbe> probes;
    private final String name;

    /**
     * Wraps {@code probes}, best first; the list must not be empty.
     *
     * @param probes the probes to try in order; copied, each closed with this one
     * @throws NullPointerException if {@code probes} or an element is null
     * @throws IllegalArgumentException if {@code probes} is empty
     */
    public FallbackProbe(List<GpuProbe> probes) {
        this.probes = List.copyOf(probes);
        if (this.probes.isEmpty()) {
            throw new IllegalArgumentException("a fallback chain needs at least one probe");
        }
        this.name = "fallback[" + this.probes.stream().map(GpuProbe::name)
                .collect(Collectors.joining(",")) + "]";
    }

    @Override
    public String name() {
        return name;
    }

    /** The oldest that any probe of the chain may return. */
    @Override
    public Duration maxReadingAge() {
        Duration oldest = Duration.ZERO;
        for (GpuProbe p : probes) {
            if (p.maxReadingAge().compareTo(oldest) > 0) {
                oldest = p.maxReadingAge();
            }
        }
        return oldest;
    }

    @Override
    public GpuSample sample() throws ProbeException {
        List<ProbeFailure> failures = new ArrayList<>();
        List<ProbeException> thrown = new ArrayList<>();
        GpuSample firstImplausible = null;
        int implausibleAt = -1;
        for (GpuProbe probe : probes) {
            GpuSample sample;
            try {
                sample = probe.sample();
            } catch (Throwable t) {
                ProbeException e = Failures.unexpected(probe.name(), t);
                thrown.add(e);
                failures.add(e.toFailure());
                continue;
            }
            List<SamplePlausibility.Finding> findings = SamplePlausibility.check(sample);
            if (findings.isEmpty()) {
                return sample.withSkippedFailures(failures);
            }
            if (firstImplausible == null) {
                firstImplausible = sample;
                implausibleAt = failures.size();
            }
            failures.add(implausible(probe.name(), findings));
        }
        if (firstImplausible != null) {
            failures.remove(implausibleAt);
            return firstImplausible.withSkippedFailures(failures);
        }
        throw allFailed(thrown);
    }

    private static ProbeFailure implausible(String probeName, List<SamplePlausibility.Finding> findings) {
        String what = findings.stream().map(f -> f.field() + ": " + f.detail())
                .collect(Collectors.joining("; "));
        return new ProbeFailure(probeName, ProbeFailureCause.MALFORMED_OUTPUT,
                "GPU probe " + probeName + " gave an implausible sample (" + what + ")", "");
    }

    private ProbeException allFailed(List<ProbeException> thrown) {
        ProbeException first = thrown.get(0);
        String summary = thrown.stream()
                .map(e -> e.probeName() + ": " + e.failureCause() + " (" + e.getMessage() + ")")
                .collect(Collectors.joining("; "));
        ProbeException all = new ProbeException(first.probeName(), first.failureCause(),
                "every GPU probe of " + name + " failed: " + summary, first.rawMessage(), first);
        thrown.subList(1, thrown.size()).forEach(all::addSuppressed);
        return all;
    }

    /** Closes every probe of the chain. */
    @Override
    public void close() {
        probes.forEach(GpuProbe::close);
    }
}
