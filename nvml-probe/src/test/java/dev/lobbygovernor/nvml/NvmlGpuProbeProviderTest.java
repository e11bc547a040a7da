package dev.lobbygovernor.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuProbeProvider;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The probe is discoverable, ranked first, and creating it never touches native code. */
class NvmlGpuProbeProviderTest {

    @Test
    void isRegisteredForServiceLoaderDiscoveryWithRank100() {
        List<GpuProbeProvider> providers = ServiceLoader.load(GpuProbeProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();

        assertThat(providers).filteredOn(p -> p.name().equals("nvml")).singleElement()
                .isInstanceOf(NvmlGpuProbeProvider.class)
                .extracting(GpuProbeProvider::rank).isEqualTo(100);
    }

    @Test
    void createsAProbeWithoutLoadingTheLibrary() {
        // No NVML on a build machine: create() must still succeed; only sample() reports it.
        try (GpuProbe probe = new NvmlGpuProbeProvider().create()) {
            assertThat(probe).isInstanceOf(NvmlGpuProbe.class);
            assertThat(probe.name()).isEqualTo("nvml");
        }
    }
}
