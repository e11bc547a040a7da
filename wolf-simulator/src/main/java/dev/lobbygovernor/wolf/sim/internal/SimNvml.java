package dev.lobbygovernor.wolf.sim.internal;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuFault;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.XidCatalog;
import dev.lobbygovernor.wolf.sim.GpuModel;
import dev.lobbygovernor.wolf.sim.SimGpu;
import dev.lobbygovernor.wolf.sim.SimLobby;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What NVML would read on a simulated multi-GPU host: one device per {@link SimGpu}, by its
 * UUID, loaded by the lobbies created on its render node. A GPU can fall off the bus (it drops
 * out of the readings, as a card NVML no longer enumerates does) or carry an Xid.
 */
public final class SimNvml implements GpuProbe {

    private final List<SimGpu> gpus;
    private final Supplier<List<SimLobby>> lobbies;
    private final Clock clock;
    private final Set<String> offTheBus = new HashSet<>(); // guarded by this
    private final Map<String, GpuFault> faults = new HashMap<>(); // guarded by this

    /**
     * A reading of {@code gpus} under {@code lobbies}.
     *
     * @param gpus the host's GPUs, in NVML index order
     * @param lobbies the lobbies running now
     * @param clock when readings and faults are taken
     */
    public SimNvml(List<SimGpu> gpus, Supplier<List<SimLobby>> lobbies, Clock clock) {
        this.gpus = List.copyOf(gpus);
        this.lobbies = lobbies;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "simulated-nvml";
    }

    @Override
    public GpuSample sample() {
        Map<String, Integer> perNode = new HashMap<>();
        for (SimLobby l : lobbies.get()) {
            perNode.merge(l.renderNode(), 1, Integer::sum);
        }
        List<GpuDevice> devices = new ArrayList<>();
        synchronized (this) {
            for (int i = 0; i < gpus.size(); i++) {
                SimGpu g = gpus.get(i);
                if (offTheBus.contains(g.uuid())) {
                    continue;
                }
                int n = perNode.getOrDefault(g.renderNode(), 0);
                GpuModel m = g.model();
                GpuFault fault = faults.get(g.uuid());
                long used = m.memoryUsedMiB(n);
                devices.add(new GpuDevice(i, g.uuid(), m.name(), m.totalMemoryMiB(), used, m.totalMemoryMiB() - used,
                        m.gpuUtilizationPercent(n), m.memoryUtilizationPercent(n), 0, m.temperatureC(n), 60.0,
                        m.encoderSessions(n), 0, 0, List.of(), fault == null ? List.of() : List.of(fault), null));
            }
        }
        return new GpuSample(name(), clock.instant(), Duration.ZERO, devices, List.of());
    }

    /**
     * The GPU drops out of the readings, as a card that fell off the bus does.
     *
     * @param uuid the GPU's UUID
     */
    public synchronized void fallOffTheBus(String uuid) {
        offTheBus.add(uuid);
    }

    /**
     * The GPU reports {@code xid} from now on, as NVML's event set would have.
     *
     * @param uuid the GPU's UUID
     * @param xid the Xid
     */
    public synchronized void fault(String uuid, int xid) {
        faults.put(uuid, XidCatalog.fault(xid, clock.instant()));
    }

    /**
     * The GPU is back and clear of faults.
     *
     * @param uuid the GPU's UUID
     */
    public synchronized void recover(String uuid) {
        offTheBus.remove(uuid);
        faults.remove(uuid);
    }
}
