package dev.lobbygovernor.micrometer.internal;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * A probe that times each call and counts its failures by probe and cause, including the
 * failures a fallback probe skipped on its way to a sample; each sample's GPUs get their
 * gauges.
 */
public final class TimedProbe implements GpuProbe {

    private final String hostId;
    private final GpuProbe delegate;
    private final Registries registries;
    private final GpuGauges gauges;

    /**
     * Wraps a host's probe.
     *
     * @param hostId the host it reads
     * @param delegate the probe
     * @param registries where meters live
     * @param gauges where the GPUs it reports get their gauges
     */
    public TimedProbe(String hostId, GpuProbe delegate, Registries registries, GpuGauges gauges) {
        this.hostId = hostId;
        this.delegate = delegate;
        this.registries = registries;
        this.gauges = gauges;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public GpuSample sample() throws ProbeException {
        long start = System.nanoTime();
        try {
            GpuSample sample = delegate.sample();
            time(System.nanoTime() - start, "success");
            sample.skippedFailures().forEach(this::countFailure);
            gauges.saw(hostId, sample);
            return sample;
        } catch (ProbeException e) {
            time(System.nanoTime() - start, "failure");
            countFailure(e.toFailure());
            throw e;
        }
    }

    private void time(long nanos, String result) {
        registries.each(r -> Timer.builder(MeterNames.PROBE_LATENCY).description("GPU probe call latency")
                .tag("host", hostId).tag("probe", delegate.name()).tag("result", result).register(r)
                .record(Duration.ofNanos(nanos)));
    }

    private void countFailure(ProbeFailure failure) {
        registries.each(r -> Counter.builder(MeterNames.PROBE_FAILURES).description("Failed GPU probe calls")
                .tag("host", hostId).tag("probe", failure.probeName())
                .tag("cause", failure.cause().name().toLowerCase(Locale.ROOT)).register(r).increment());
    }

    @Override
    public void close() {
        delegate.close();
    }
}
