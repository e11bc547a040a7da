package dev.lobbygovernor.micrometer;

import dev.lobbygovernor.core.admission.AdmissionListener;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.cleanup.CleanupListener;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.health.HealthMonitor;
import dev.lobbygovernor.micrometer.internal.AdmissionMeters;
import dev.lobbygovernor.micrometer.internal.CleanupMeters;
import dev.lobbygovernor.micrometer.internal.GpuGauges;
import dev.lobbygovernor.micrometer.internal.HostGauges;
import dev.lobbygovernor.micrometer.internal.Registries;
import dev.lobbygovernor.micrometer.internal.TimedProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lobby Governor's meters, bound to a registry as a {@link MeterBinder}. Wire it before the
 * governor, since the governor takes its listener when built:
 * <pre>{@code
 * LobbyGovernorMetrics metrics = new LobbyGovernorMetrics();
 * GpuProbe gpu = metrics.timed("wolf-1", probe);
 * LobbyGovernor governor = LobbyGovernor.builder()...listener(metrics.admissionListener()).build();
 * HealthMonitor monitor = HealthMonitor.builder().host("wolf-1", gpu)...build();
 * LobbyReaper reaper = LobbyReaper.builder(store, runtimes).listener(metrics.cleanupListener()).build();
 * metrics.watch(governor, monitor).bindTo(registry);
 * }</pre>
 *
 * <p>Meters (names as Micrometer writes them; a Prometheus registry renders
 * {@code lobbygovernor.host.lobbies.active} as {@code lobbygovernor_host_lobbies_active}):
 * <ul>
 *   <li>per host (tag {@code host}): {@code lobbygovernor.host.lobbies.active}, {@code .cap},
 *       {@code .warning.threshold}; {@code lobbygovernor.host.health} (1 for the current
 *       {@code status} tag, 0 for the others); {@code lobbygovernor.host.monitoring.working}
 *       (0/1); {@code lobbygovernor.host.gpu.reading.age} (seconds since the last good
 *       reading);
 *   <li>per GPU (tags {@code host}, {@code gpu}, {@code uuid}, {@code name}), from the last good
 *       reading: {@code lobbygovernor.gpu.memory.used} and {@code .total} (bytes),
 *       {@code lobbygovernor.gpu.utilization} and {@code .encoder.utilization} (0 to 1),
 *       {@code .encoder.sessions}, {@code .temperature} (Celsius), {@code .power} (watts);
 *   <li>counters: {@code lobbygovernor.admissions} (tags {@code outcome}: granted, refused,
 *       committed, released, expired, unresolved; {@code reason}: the denial's, or none;
 *       {@code host}), {@code lobbygovernor.cleanup.outcomes} (tags {@code kind}, {@code host}),
 *       {@code lobbygovernor.probe.failures} (tags {@code host}, {@code probe}, {@code cause});
 *   <li>a timer: {@code lobbygovernor.probe.latency} (tags {@code host}, {@code probe},
 *       {@code result}).
 * </ul>
 * Per-GPU gauges appear once a probe wrapped by {@link #timed} has returned a sample; counters
 * count from the first {@link #bindTo}. Thread-safe.
 */
public final class LobbyGovernorMetrics implements MeterBinder {

    private final Clock clock;
    private final Registries registries = new Registries();
    private final AdmissionMeters admissions = new AdmissionMeters(registries);
    private final CleanupMeters cleanup = new CleanupMeters(registries);
    private final GpuGauges gpus = new GpuGauges(registries);
    private final List<MeterRegistry> bound = new ArrayList<>(); // guarded by this
    private HostGauges hosts; // guarded by this

    /** Metrics on the UTC system clock. */
    public LobbyGovernorMetrics() {
        this(Clock.systemUTC());
    }

    /**
     * Metrics on a given clock, which decides when a status read for the host gauges is reused.
     *
     * @param clock the clock; not null
     */
    public LobbyGovernorMetrics(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The listener that counts admissions; pass it to {@code LobbyGovernor.Builder.listener}.
     *
     * @return the listener
     */
    public AdmissionListener admissionListener() {
        return admissions;
    }

    /**
     * The listener that counts cleanup outcomes; pass it to {@code LobbyReaper.Builder.listener}.
     *
     * @return the listener
     */
    public CleanupListener cleanupListener() {
        return cleanup;
    }

    /**
     * Wraps a host's probe so that its latency and failures are measured and its GPUs get
     * gauges; give the monitor the returned probe.
     *
     * @param hostId the host the probe reads
     * @param probe the probe; closing the wrapper closes it
     * @return the measured probe
     */
    public GpuProbe timed(String hostId, GpuProbe probe) {
        return new TimedProbe(Objects.requireNonNull(hostId, "hostId"), Objects.requireNonNull(probe, "probe"),
                registries, gpus);
    }

    /**
     * Measures a governor's hosts, and reads GPU gauges from the monitor's last good samples.
     *
     * @param governor the governor; not null
     * @param monitor the monitor of the same hosts, or {@code null} to read GPUs from the last
     *     samples the {@linkplain #timed timed} probes saw
     * @return this
     * @throws IllegalStateException if a governor is already watched
     */
    public synchronized LobbyGovernorMetrics watch(LobbyGovernor governor, HealthMonitor monitor) {
        Objects.requireNonNull(governor, "governor");
        if (hosts != null) {
            throw new IllegalStateException("A governor is already watched");
        }
        hosts = new HostGauges(governor, clock);
        if (monitor != null) {
            gpus.readFrom(monitor::health);
        }
        bound.forEach(hosts::bind);
        return this;
    }

    /**
     * Registers every meter in {@code registry} and counts into it from now on.
     *
     * @param registry the registry
     */
    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        bound.add(registry);
        registries.add(registry);
        if (hosts != null) {
            hosts.bind(registry);
        }
        gpus.bind(registry);
    }
}
