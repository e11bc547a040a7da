package dev.lobbygovernor.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.Probes;
import dev.lobbygovernor.core.health.internal.StalenessRule;
import dev.lobbygovernor.testing.GpuSamples;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every combination of cache TTL, probe interval and staleness limit that a health monitor
 * accepts is one in which a GPU that keeps answering is never judged stale; every one it
 * rejects can raise such a false alarm.
 */
class StalenessSettingsPropertiesTest {

    private static final HostCapacity IDLE = new HostCapacity(0, 5, 4);

    /** A GPU that answers every call, each taking the next of {@code callMillis} on the clock. */
    private static final class AnsweringGpu implements GpuProbe {
        private final MutableClock clock;
        private final List<Integer> callMillis;
        private int calls;

        AnsweringGpu(MutableClock clock, List<Integer> callMillis) {
            this.clock = clock;
            this.callMillis = callMillis;
        }

        @Override
        public String name() {
            return "gpu";
        }

        @Override
        public GpuSample sample() {
            Instant takenAt = clock.instant();
            clock.advance(Duration.ofMillis(callMillis.get(calls++ % callMillis.size())));
            return GpuSamples.plausible("gpu", takenAt);
        }
    }

    private static GpuSample read(GpuProbe probe) {
        try {
            return probe.sample();
        } catch (ProbeException e) {
            throw new AssertionError("the GPU always answers", e);
        }
    }

    @Test
    void acceptedSettingsNeverJudgeAnAnsweringGpuStale() {
        // every limit at least the cache TTL, built so (no assumption to give up on)
        qt().forAll(integers().between(1, 20_000), integers().between(1, 10_000), integers().between(0, 50_000),
                lists().of(integers().between(0, 40_000)).ofSizeBetween(1, 40))
                .checkAssert((interval, ttl, extra, gaps) -> {
                    int limit = ttl + extra;
                    assertThat(StalenessRule.contradiction("h", "gpu", Duration.ofMillis(ttl),
                            Duration.ofMillis(interval), Duration.ofMillis(limit))).isEmpty();
                    MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
                    // each call answers within the limit (a longer one is a timeout, not a reading)
                    List<Integer> callMillis = gaps.stream().map(g -> g % limit).toList();
                    GpuProbe probe = Probes.cached(new AnsweringGpu(clock, callMillis), Duration.ofMillis(ttl), clock);
                    HealthClassifier classifier = new HealthClassifier(
                            HealthThresholds.builder().stalenessLimit(Duration.ofMillis(limit)).build());
                    for (int i = 0; i < gaps.size(); i++) {
                        // polls about one interval apart, late or early; odd gaps are another
                        // caller of the shared probe refilling its cache between polls
                        clock.advance(Duration.ofMillis(i % 2 == 0 ? (gaps.get(i) % (2L * interval)) : gaps.get(i) % ttl));
                        GpuSample sample = read(probe);
                        if (i % 2 == 0) {
                            assertThat(classifier.isGood(new ProbeOutcome.Sampled(sample), IDLE, clock.instant()))
                                    .as("poll %d: reading %s old, limit %d ms", i,
                                            Duration.between(sample.takenAt(), clock.instant()), limit)
                                    .isTrue();
                        }
                    }
                });
    }

    @Test
    void rejectedSettingsCanJudgeAnAnsweringGpuStale() {
        // every cache TTL longer than the limit, built so (no assumption to give up on)
        qt().forAll(integers().between(1, 20_000), integers().between(2, 10_000), integers().between(0, 9_998))
                .checkAssert((interval, ttl, x) -> {
                    int limit = 1 + x % (ttl - 1);
                    assertThat(StalenessRule.contradiction("h", "gpu", Duration.ofMillis(ttl),
                            Duration.ofMillis(interval), Duration.ofMillis(limit))).isPresent();
                    MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
                    GpuProbe probe = Probes.cached(new AnsweringGpu(clock, List.of(0)), Duration.ofMillis(ttl), clock);
                    HealthClassifier classifier = new HealthClassifier(
                            HealthThresholds.builder().stalenessLimit(Duration.ofMillis(limit)).build());
                    read(probe); // another caller fills the cache
                    Duration between = Duration.ofMillis(ttl - limit).dividedBy(2);
                    clock.advance(Duration.ofMillis(limit).plus(between)); // a poll while it is still cached
                    GpuSample sample = read(probe);
                    assertThat(classifier.isGood(new ProbeOutcome.Sampled(sample), IDLE, clock.instant())).isFalse();
                });
    }

    @Test
    void monitorRefusesAStandardProbeWhoseCacheOutlivesTheDerivedStalenessLimit() {
        MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
        GpuProbe probe = Probes.standard(new AnsweringGpu(clock, List.of(1)), clock);
        HealthMonitor.Builder b = HealthMonitor.builder().clock(clock).host("wolf-1", probe)
                .capacity(id -> IDLE).config(MonitorConfig.builder().probeInterval(Duration.ofMillis(200)).build());

        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wolf-1").hasMessageContaining("PT2S").hasMessageContaining("PT0.6S")
                .hasMessageContaining("HealthThresholds.stalenessLimit").hasMessageContaining("PT0.2S");
    }

    @Test
    void monitorAcceptsAStandardProbeOnceTheStalenessLimitCoversItsCache() {
        MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
        GpuProbe probe = Probes.standard(new AnsweringGpu(clock, List.of(1)), clock);

        HealthMonitor monitor = HealthMonitor.builder().clock(clock).host("wolf-1", probe).capacity(id -> IDLE)
                .config(MonitorConfig.builder().probeInterval(Duration.ofSeconds(1)).build()).build();

        assertThat(monitor.config().thresholds().stalenessLimit()).isEqualTo(Duration.ofSeconds(3));
    }
}
