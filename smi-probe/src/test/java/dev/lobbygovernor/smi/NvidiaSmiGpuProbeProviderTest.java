package dev.lobbygovernor.smi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuProbeProvider;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Discovery through {@link ServiceLoader}. */
class NvidiaSmiGpuProbeProviderTest {

    @Test
    void isDiscoveredThroughTheServiceLoaderRankedAfterNvml() {
        List<GpuProbeProvider> providers = ServiceLoader.load(GpuProbeProvider.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertThat(providers).filteredOn(p -> p instanceof NvidiaSmiGpuProbeProvider).singleElement()
                .satisfies(p -> {
                    assertThat(p.name()).isEqualTo("nvidia-smi");
                    assertThat(p.rank()).isEqualTo(200);
                });
    }

    @Test
    void createsADefaultProbeWithoutRunningAnything() {
        try (GpuProbe probe = new NvidiaSmiGpuProbeProvider().create()) {
            assertThat(probe).isInstanceOf(NvidiaSmiGpuProbe.class);
            assertThat(probe.name()).isEqualTo("nvidia-smi");
            assertThat(((NvidiaSmiGpuProbe) probe).config()).isSameAs(SmiProbeConfig.defaults());
        }
    }
}
