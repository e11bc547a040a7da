package dev.lobbygovernor.core.admission;

import dev.lobbygovernor.core.gpu.RenderNode;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A streaming host the governor admits lobbies to: its id, the runtime that lists and stops its
 * lobbies, its limits, and, for a host whose lobbies are spread over several GPUs, those GPUs.
 *
 * <p><b>Several GPUs.</b> With {@code gpus} given, every lobby is placed on one of them: the
 * permit names the GPU's render node ({@link Permit#renderNode()}, also in the credentials
 * {@link Permit#beginCreate()} hands over), the lobby is created there, and its reservation and
 * record remember the GPU. Caps derived from GPU memory then apply per GPU, from that card's
 * own memory, and the host's cap is the sum of those of the GPUs the last reading included
 * (still at most the static cap). A new lobby goes
 * to the GPU with the smallest share of its cap in use; a GPU with a fault that needs a reset,
 * or one the last reading did not include, takes none while the others still do. With no
 * {@code gpus} the host's cards are not told apart: the memory cap comes from its smallest card
 * and a GPU fault holds the whole host.
 *
 * @param id the host's id, as lobby records and health reports name it
 * @param runtime the streaming server's view of the host's lobbies
 * @param limits the host's caps
 * @param gpus the GPUs lobbies are placed on, each by render node and NVML UUID; empty when
 *     the host's GPUs are not told apart
 */
public record Host(String id, LobbyRuntime runtime, HostLimits limits, List<RenderNode> gpus) {

    /**
     * Requires every field; the id must not be blank, and no render node or GPU may appear twice.
     *
     * @param id the host's id; not blank
     * @param runtime the streaming server's view of the host's lobbies; not null
     * @param limits the host's caps; not null
     * @param gpus the GPUs lobbies are placed on; not null, copied
     * @throws IllegalArgumentException if {@code id} is null or blank, or a render node or GPU
     *     UUID appears twice in {@code gpus}
     * @throws NullPointerException if {@code runtime}, {@code limits} or {@code gpus} is null
     */
    public Host {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("host id must not be blank");
        }
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(limits, "limits");
        gpus = List.copyOf(Objects.requireNonNull(gpus, "gpus"));
        Set<String> paths = new HashSet<>();
        Set<String> uuids = new HashSet<>();
        for (RenderNode g : gpus) {
            if (!paths.add(g.path())) {
                throw new IllegalArgumentException("host " + id + " names render node " + g.path() + " twice");
            }
            if (!uuids.add(g.gpuUuid())) {
                throw new IllegalArgumentException("host " + id + " names GPU " + g.gpuUuid() + " twice");
            }
        }
    }

    /**
     * A host whose GPUs are not told apart.
     *
     * @param id the host's id; not blank
     * @param runtime the streaming server's view of the host's lobbies; not null
     * @param limits the host's caps; not null
     * @throws IllegalArgumentException if {@code id} is null or blank
     * @throws NullPointerException if {@code runtime} or {@code limits} is null
     */
    public Host(String id, LobbyRuntime runtime, HostLimits limits) {
        this(id, runtime, limits, List.of());
    }

    /**
     * This host with its lobbies placed over {@code renderNodes}.
     *
     * @param renderNodes the GPUs, each by render node and NVML UUID (see
     *     {@link dev.lobbygovernor.core.gpu.RenderNodes#discover})
     * @return a copy of this host with {@link #gpus()} set
     * @throws IllegalArgumentException if a render node or GPU UUID appears twice
     * @throws NullPointerException if {@code renderNodes} is null
     */
    public Host withGpus(List<RenderNode> renderNodes) {
        return new Host(id, runtime, limits, renderNodes);
    }

    /**
     * A host with the given id, runtime and limits.
     *
     * @param id the host's id; not blank
     * @param runtime the streaming server's view of the host's lobbies; not null
     * @param limits the host's caps; not null
     * @return the host
     * @throws IllegalArgumentException if {@code id} is null or blank
     * @throws NullPointerException if {@code runtime} or {@code limits} is null
     */
    public static Host of(String id, LobbyRuntime runtime, HostLimits limits) {
        return new Host(id, runtime, limits);
    }

    /**
     * A host with {@link HostLimits#defaults()}: the default static cap and per-lobby GPU
     * memory, no encoder cap.
     *
     * @param id the host's id; not blank
     * @param runtime the streaming server's view of the host's lobbies; not null
     * @return the host
     * @throws IllegalArgumentException if {@code id} is null or blank
     * @throws NullPointerException if {@code runtime} is null
     */
    public static Host of(String id, LobbyRuntime runtime) {
        return new Host(id, runtime, HostLimits.defaults());
    }
}
