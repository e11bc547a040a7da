package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.health.HostHealth;

/** Short texts about a host's GPU for the demo's timeline. */
final class GpuText {

    private GpuText() {
    }

    /** {@code ", NVIDIA RTX 2000 Ada Generation: 420/16380 MiB used"}, or empty without a good sample. */
    static String memory(HostHealth health) {
        return health.optionalLastGoodSample()
                .filter(s -> !s.devices().isEmpty())
                .map(s -> {
                    GpuDevice d = s.devices().get(0);
                    return ", " + d.name() + ": " + d.memoryUsedMiB() + "/" + d.memoryTotalMiB() + " MiB used";
                })
                .orElse("");
    }
}
