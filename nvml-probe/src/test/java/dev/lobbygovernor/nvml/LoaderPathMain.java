package dev.lobbygovernor.nvml;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuProbeProvider;
import dev.lobbygovernor.core.gpu.ProbeException;
import java.util.ServiceLoader;

/**
 * Run in a child JVM by {@link NvmlLoaderPathTest}: discovers the NVML probe the way a host
 * would, samples once with the default library search, and prints what it saw.
 */
public final class LoaderPathMain {

    private LoaderPathMain() {
    }

    public static void main(String[] args) {
        GpuProbeProvider provider = ServiceLoader.load(GpuProbeProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("nvml")).findFirst().orElseThrow();
        try (GpuProbe probe = provider.create()) {
            System.out.println("devices=" + probe.sample().devices().size());
        } catch (ProbeException e) {
            System.out.println("failure=" + e.failureCause() + " " + e.getMessage());
        }
    }
}
