package dev.lobbygovernor.core.gpu;

import dev.lobbygovernor.core.gpu.internal.CachedProbe;
import dev.lobbygovernor.core.gpu.internal.FallbackProbe;
import dev.lobbygovernor.core.gpu.internal.SingleFlightProbe;
import dev.lobbygovernor.core.gpu.internal.TimeoutProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composable decorators for {@link GpuProbe}s, and discovery of the probes on the classpath.
 *
 * <p>Every decorator keeps the wrapped probe's {@link GpuProbe#name()} and closes the wrapped
 * probe when closed. A typical host wires {@code Probes.standard(Probes.fallback(List.of(nvml,
 * smi)), clock)}.
 */
public final class Probes {

    /** How long a caller waits for a probe in {@link #standard}: 5 s (NVML or nvidia-smi can hang). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** How long {@link #standard} keeps an outcome: 2 s. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(Probes.class);

    private Probes() {
    }

    /**
     * Bounds each call by {@code timeout}. Calls run on one daemon worker thread per decorated
     * probe, named {@code lobby-governor-probe-<name>}, started on the first call and stopped by
     * {@code close()}. A call still running past its timeout keeps the worker; until it returns,
     * new calls fail at once with {@link ProbeFailureCause#TIMEOUT} ("previous call still running
     * for N s"), so a hung driver costs one thread, never one per call.
     *
     * @param probe the probe to bound; closed when the returned probe is closed
     * @param timeout the longest a caller waits for one call; positive
     * @return a probe with the same name whose calls fail with
     *     {@link ProbeFailureCause#TIMEOUT} instead of blocking past {@code timeout}
     * @throws NullPointerException if {@code probe} or {@code timeout} is null
     * @throws IllegalArgumentException if {@code timeout} is not positive
     */
    public static GpuProbe withTimeout(GpuProbe probe, Duration timeout) {
        return new TimeoutProbe(probe, timeout);
    }

    /**
     * Keeps the latest outcome (a sample or a failure) for {@code ttl} on {@code clock}; callers
     * that arrive while it is refreshed wait for that refresh, so one TTL costs one call.
     * Caching a failure too is deliberate: a broken driver is not asked again on every call.
     *
     * @param probe the probe whose outcomes to keep; closed when the returned probe is closed
     * @param ttl how long an outcome is reused; positive
     * @param clock the clock the TTL is measured on
     * @return a probe with the same name that calls {@code probe} at most once per {@code ttl}
     * @throws NullPointerException if any argument is null
     * @throws IllegalArgumentException if {@code ttl} is not positive
     */
    public static GpuProbe cached(GpuProbe probe, Duration ttl, Clock clock) {
        return new CachedProbe(probe, ttl, clock);
    }

    /**
     * Lets concurrent callers share one in-flight call and its outcome: a caller that arrives
     * while a call runs waits for that call instead of starting another.
     *
     * @param probe the probe to share; closed when the returned probe is closed
     * @return a probe with the same name that never runs two calls of {@code probe} at once
     * @throws NullPointerException if {@code probe} is null
     */
    public static GpuProbe singleFlight(GpuProbe probe) {
        return new SingleFlightProbe(probe);
    }

    /**
     * Tries {@code probes} in order; the first plausible sample ({@link SamplePlausibility#check})
     * wins, says which probe gave it in {@link GpuSample#source()}, and keeps the failures of the
     * others in {@link GpuSample#skippedFailures()}. When no sample is plausible the first
     * implausible one is returned (for the classifier to name what is wrong); when every probe
     * throws, the best probe's failure is thrown with the others summarised.
     *
     * @param probes the probes, best first; copied, and each closed when the chain is closed
     * @return a probe named {@code fallback[a,b,...]} after the probes it tries
     * @throws NullPointerException if {@code probes} or an element is null
     * @throws IllegalArgumentException if {@code probes} is empty
     */
    public static GpuProbe fallback(List<GpuProbe> probes) {
        return new FallbackProbe(probes);
    }

    /**
     * The decoration every shared probe wants: {@code cached(singleFlight(withTimeout(probe,
     * 5 s)), 2 s, clock)}. The timeout is innermost so that no caller, waiting or leading,
     * blocks longer than {@link #DEFAULT_TIMEOUT}.
     *
     * @param probe the probe to decorate; closed when the returned probe is closed
     * @param clock the clock the cache's TTL is measured on
     * @return the decorated probe, with the same name
     * @throws NullPointerException if {@code probe} or {@code clock} is null
     */
    public static GpuProbe standard(GpuProbe probe, Clock clock) {
        return cached(singleFlight(withTimeout(probe, DEFAULT_TIMEOUT)), DEFAULT_CACHE_TTL, clock);
    }

    /**
     * The probes every {@link GpuProbeProvider} on the classpath makes, best (lowest rank) first.
     * For hosts that want "whatever probes are here"; explicit wiring comes first. A provider that
     * cannot be loaded or fails to create its probe is skipped with a warning. Providers are
     * looked up through the calling thread's context class loader.
     *
     * @return the probes, undecorated and owned by the caller; unmodifiable, empty if none
     */
    public static List<GpuProbe> discover() {
        return discover(Thread.currentThread().getContextClassLoader());
    }

    /**
     * As {@link #discover()}, looking for providers through {@code loader} (a plugin's, say).
     *
     * @param loader the class loader to find providers with; {@code null} means the system
     *     class loader
     * @return the probes, best (lowest rank, then name) first; unmodifiable, empty if none
     */
    public static List<GpuProbe> discover(ClassLoader loader) {
        List<GpuProbeProvider> providers = new ArrayList<>();
        Iterator<GpuProbeProvider> it = ServiceLoader.load(GpuProbeProvider.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                providers.add(it.next());
            } catch (ServiceConfigurationError e) {
                log.atWarn().addKeyValue("error", e.getMessage())
                        .log("Skipping a GPU probe provider that could not be loaded");
            }
        }
        providers.sort(Comparator.comparingInt(GpuProbeProvider::rank)
                .thenComparing(GpuProbeProvider::name));
        List<GpuProbe> probes = new ArrayList<>();
        for (GpuProbeProvider provider : providers) {
            try {
                probes.add(Objects.requireNonNull(provider.create(), "created probe"));
            } catch (RuntimeException e) {
                log.atWarn().addKeyValue("provider", provider.name()).addKeyValue("error", e.toString())
                        .log("Skipping a GPU probe provider whose probe could not be created");
            }
        }
        return List.copyOf(probes);
    }
}
