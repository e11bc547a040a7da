package dev.lobbygovernor.micrometer.internal;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.health.HostHealth;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Per-GPU gauges (tags host, gpu index, uuid, name), registered the first time a GPU is seen.
 * They read the host's last <em>good</em> sample from the monitor when there is one, so an
 * implausible reading never reaches a dashboard; without a monitor, the last sample seen.
 */
public final class GpuGauges {

    private static final double MIB = 1024.0 * 1024.0;

    private final Registries registries;
    private final Map<String, GpuSample> lastSeen = new ConcurrentHashMap<>();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Function<String, Optional<HostHealth>> health = h -> Optional.empty();

    /**
     * Gauges in these registries.
     *
     * @param registries where gauges live
     */
    public GpuGauges(Registries registries) {
        this.registries = registries;
    }

    /**
     * Reads values from the monitor's last good samples from now on.
     *
     * @param source a host's health by id
     */
    public void readFrom(Function<String, Optional<HostHealth>> source) {
        this.health = source;
    }

    /**
     * Notes a sample and registers gauges for GPUs not seen before.
     *
     * @param hostId the host
     * @param sample what its probe returned
     */
    public void saw(String hostId, GpuSample sample) {
        lastSeen.put(hostId, sample);
        registries.each(r -> register(r, hostId, sample));
    }

    /**
     * Registers gauges in a newly bound registry for every GPU seen so far.
     *
     * @param registry the registry
     */
    public void bind(MeterRegistry registry) {
        lastSeen.forEach((host, sample) -> register(registry, host, sample));
    }

    private void register(MeterRegistry r, String hostId, GpuSample sample) {
        for (GpuDevice d : sample.devices()) {
            String key = System.identityHashCode(r) + "/" + hostId + "/" + d.index() + "/" + d.uuid();
            if (!registered.add(key)) {
                continue;
            }
            Tags tags = Tags.of("host", hostId, "gpu", Integer.toString(d.index()), "uuid", d.uuid(),
                    "name", d.name());
            int index = d.index();
            gauge(r, MeterNames.GPU_MEMORY_USED, "bytes", tags, hostId, index,
                    g -> g.memoryUsedMiB() == null ? Double.NaN : g.memoryUsedMiB() * MIB);
            gauge(r, MeterNames.GPU_MEMORY_TOTAL, "bytes", tags, hostId, index,
                    g -> g.memoryTotalMiB() == null ? Double.NaN : g.memoryTotalMiB() * MIB);
            gauge(r, MeterNames.GPU_UTILIZATION, null, tags, hostId, index,
                    g -> g.gpuUtilizationPercent() == null ? Double.NaN : g.gpuUtilizationPercent() / 100.0);
            gauge(r, MeterNames.GPU_ENCODER_UTILIZATION, null, tags, hostId, index,
                    g -> g.encoderUtilizationPercent() == null ? Double.NaN : g.encoderUtilizationPercent() / 100.0);
            gauge(r, MeterNames.GPU_ENCODER_SESSIONS, null, tags, hostId, index,
                    g -> g.encoderSessions() == null ? Double.NaN : g.encoderSessions());
            gauge(r, MeterNames.GPU_TEMPERATURE, "celsius", tags, hostId, index,
                    g -> g.temperatureC() == null ? Double.NaN : g.temperatureC());
            gauge(r, MeterNames.GPU_POWER, "watts", tags, hostId, index,
                    g -> g.powerWatts() == null ? Double.NaN : g.powerWatts());
        }
    }

    private void gauge(MeterRegistry r, String name, String unit, Tags tags, String hostId, int index,
            ToDoubleFunction<GpuDevice> value) {
        Gauge.builder(name, this, self -> self.device(hostId, index).map(value::applyAsDouble).orElse(Double.NaN))
                .tags(tags).baseUnit(unit).strongReference(true).register(r);
    }

    private Optional<GpuDevice> device(String hostId, int index) {
        Optional<GpuSample> sample = health.apply(hostId).flatMap(HostHealth::optionalLastGoodSample);
        if (sample.isEmpty()) {
            sample = Optional.ofNullable(lastSeen.get(hostId));
        }
        return sample.flatMap(s -> s.devices().stream().filter(d -> d.index() == index).findFirst());
    }
}
