package dev.lobbygovernor.core.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the decorators say of themselves: the wrapped probe's name, and how old a reading may be. */
class ProbeDecoratorsTest {

    private final MutableClock clock = MutableClock.at("2025-01-10T12:28:18Z");

    private static GpuProbe aged(String name, Duration age) {
        return new GpuProbe() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public GpuSample sample() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Duration maxReadingAge() {
                return age;
            }
        };
    }

    @Test
    void aCachedProbeIsNamedAfterTheWrappedOneAndItsReadingsMayBeAsOldAsTheLongerOfBothAges() {
        assertThat(Probes.cached(aged("nvml", Duration.ZERO), Duration.ofSeconds(2), clock).name()).isEqualTo("nvml");
        assertThat(Probes.cached(aged("nvml", Duration.ZERO), Duration.ofSeconds(2), clock).maxReadingAge())
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(Probes.cached(aged("wolf", Duration.ofSeconds(3)), Duration.ofSeconds(2), clock).maxReadingAge())
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aFallbackChainsReadingsMayBeAsOldAsItsOldestProbes() {
        GpuProbe chain = Probes.fallback(List.of(aged("a", Duration.ofSeconds(2)), aged("b", Duration.ofSeconds(5)),
                aged("c", Duration.ofSeconds(3))));
        assertThat(chain.maxReadingAge()).isEqualTo(Duration.ofSeconds(5));
        assertThat(Probes.fallback(List.of(aged("a", Duration.ZERO))).maxReadingAge()).isZero();
    }

    @Test
    void aSingleFlightProbeIsNamedAfterTheWrappedOneAndKeepsItsAge() {
        GpuProbe single = Probes.singleFlight(aged("smi", Duration.ofSeconds(7)));
        assertThat(single.name()).isEqualTo("smi");
        assertThat(single.maxReadingAge()).isEqualTo(Duration.ofSeconds(7));
    }
}
