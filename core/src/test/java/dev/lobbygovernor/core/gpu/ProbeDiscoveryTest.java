package dev.lobbygovernor.core.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.testing.ScriptedGpuProbe;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeDiscoveryTest {

    private static final MutableClock CLOCK = MutableClock.at("2025-01-10T12:28:18Z");

    /** A provider of a scripted probe with a given name and rank. */
    abstract static class TestProvider implements GpuProbeProvider {
        private final String name;
        private final int rank;

        TestProvider(String name, int rank) {
            this.name = name;
            this.rank = rank;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int rank() {
            return rank;
        }

        @Override
        public GpuProbe create() {
            return new ScriptedGpuProbe(name, CLOCK).thenPlausible();
        }
    }

    public static final class Nvml extends TestProvider {
        public Nvml() {
            super("nvml", 100);
        }
    }

    public static final class Smi extends TestProvider {
        public Smi() {
            super("nvidia-smi", 200);
        }
    }

    public static final class Wolf extends TestProvider {
        public Wolf() {
            super("wolf", 300);
        }
    }

    public static final class Broken extends TestProvider {
        public Broken() {
            super("broken", 50);
        }

        @Override
        public GpuProbe create() {
            throw new IllegalStateException("cannot create");
        }
    }

    /** A class loader that sees a services file listing {@code providers}, and the test classes. */
    private static URLClassLoader withProviders(Path dir, String... providers) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.write(services.resolve(GpuProbeProvider.class.getName()), List.of(providers));
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, ProbeDiscoveryTest.class.getClassLoader());
    }

    @Test
    void returnsTheDiscoveredProbesBestRankFirst(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = withProviders(dir, Wolf.class.getName(), Nvml.class.getName(),
                Smi.class.getName())) {
            assertThat(Probes.discover(loader)).extracting(GpuProbe::name)
                    .containsExactly("nvml", "nvidia-smi", "wolf");
        }
    }

    @Test
    void skipsProvidersThatCannotBeLoadedOrCreatedWithAWarning(@TempDir Path dir) throws IOException {
        try (URLClassLoader loader = withProviders(dir, "dev.lobbygovernor.nowhere.Missing",
                Broken.class.getName(), Smi.class.getName());
                LogCapture logs = LogCapture.library()) {
            assertThat(Probes.discover(loader)).extracting(GpuProbe::name).containsExactly("nvidia-smi");
            assertThat(logs.at(Level.WARN)).hasSize(2);
        }
    }

    @Test
    void findsNothingWhenNoProviderIsOnTheClasspath() {
        // core's own test classpath registers no provider; the probe modules do.
        assertThat(Probes.discover()).isEmpty();
    }
}
