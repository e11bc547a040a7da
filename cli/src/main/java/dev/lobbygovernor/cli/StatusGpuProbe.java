package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailure;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.core.gpu.Probes;
import java.util.List;
import java.util.Optional;

/**
 * The GPU probe {@code status} reads through: a fallback chain of this machine's probes, then
 * Wolf's own GPU report, that blames only a probe that actually failed.
 *
 * <p>A plain chain throws its first (best) probe's failure when every probe fails. On a machine
 * where only Wolf sees the GPU, that first probe is a local NVML whose library is simply not
 * there ({@link ProbeFailureCause#LIBRARY_MISSING}): the health would then name NVML, and the
 * operator would be told to install a driver, while the failure that matters is Wolf's. So a
 * probe whose library is absent is skipped, not blamed: the failure thrown is the first one of
 * another cause, and an implausible sample's skipped failures leave the absent probes out. Only
 * when every probe's library is absent is that the failure, as the chain reports it.
 */
final class StatusGpuProbe implements GpuProbe {

    private final GpuProbe chain;

    /** @param probes this machine's probes, best first, then Wolf's */
    StatusGpuProbe(List<GpuProbe> probes) {
        this.chain = Probes.fallback(probes);
    }

    @Override
    public String name() {
        return chain.name();
    }

    @Override
    public GpuSample sample() throws ProbeException {
        GpuSample sample;
        try {
            sample = chain.sample();
        } catch (ProbeException e) {
            throw blame(e);
        }
        List<ProbeFailure> present = sample.skippedFailures().stream()
                .filter(f -> f.cause() != ProbeFailureCause.LIBRARY_MISSING)
                .toList();
        return present.size() == sample.skippedFailures().size() ? sample : sample.withSkippedFailures(present);
    }

    /** The chain's failure, or that of the first probe whose library was there, the others suppressed. */
    static ProbeException blame(ProbeException chainFailure) {
        List<ProbeException> each = ProbeFailures.eachOf(chainFailure);
        Optional<ProbeException> failed = each.stream()
                .filter(f -> f.failureCause() != ProbeFailureCause.LIBRARY_MISSING)
                .findFirst();
        if (failed.isEmpty() || failed.get() == each.get(0)) {
            return chainFailure;
        }
        ProbeException f = failed.get();
        ProbeException blamed = new ProbeException(f.probeName(), f.failureCause(), f.getMessage(), f.rawMessage(), f);
        each.stream().filter(other -> other != f).forEach(blamed::addSuppressed);
        return blamed;
    }

    @Override
    public void close() {
        chain.close();
    }
}
