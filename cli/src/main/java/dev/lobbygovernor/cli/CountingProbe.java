package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes every call to the probe it wraps and remembers when each call started, so the demo can
 * tell which probe call first saw a fault ("detected by the first probe call after NVML broke").
 */
final class CountingProbe implements GpuProbe {

    private final GpuProbe probe;
    private final List<Long> startNanos = new ArrayList<>();

    CountingProbe(GpuProbe probe) {
        this.probe = probe;
    }

    @Override
    public String name() {
        return probe.name();
    }

    @Override
    public GpuSample sample() throws ProbeException {
        synchronized (startNanos) {
            startNanos.add(System.nanoTime());
        }
        return probe.sample();
    }

    /** How many calls started from {@code fromNanos} to {@code toNanos} ({@link System#nanoTime()}). */
    int callsStartedBetween(long fromNanos, long toNanos) {
        synchronized (startNanos) {
            return (int) startNanos.stream().filter(t -> t - fromNanos >= 0 && toNanos - t >= 0).count();
        }
    }

    @Override
    public void close() {
        probe.close();
    }
}
