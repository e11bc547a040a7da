package dev.lobbygovernor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.RenderNode;
import dev.lobbygovernor.core.gpu.RenderNodes;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The NVIDIA render nodes of this machine, each with its GPU's UUID and the NVML device that
 * UUID belongs to: what a host placing lobbies per GPU is given ({@code Host.withGpus}). A
 * tree that cannot be read is reported, not fatal.
 *
 * @param nodes the render nodes found
 * @param problem why none could be read, or {@code null}
 */
record RenderNodesFound(List<RenderNode> nodes, String problem) {

    static RenderNodesFound under(Path root) {
        try {
            return new RenderNodesFound(RenderNodes.discover(root), null);
        } catch (UncheckedIOException e) {
            return new RenderNodesFound(List.of(), e.getMessage());
        }
    }

    void print(PrintStream out, List<GpuDevice> devices) {
        if (problem != null) {
            out.println("render nodes: cannot be read (" + problem + ")");
            return;
        }
        if (nodes.isEmpty()) {
            out.println("render nodes: none of an NVIDIA card (no /sys/class/drm, or no NVIDIA driver loaded)");
            return;
        }
        out.println("render nodes (by PCI address; for placing lobbies per GPU):");
        for (RenderNode n : nodes) {
            Integer index = nvmlIndex(n, devices);
            out.printf("  %-20s %s  %s%n", n.path(), n.gpuUuid(),
                    index == null ? "(not among the GPUs read above)" : "(GPU " + index + ")");
        }
    }

    ArrayNode json(List<GpuDevice> devices) {
        ArrayNode array = GpuJson.MAPPER.createArrayNode();
        for (RenderNode n : nodes) {
            ObjectNode node = array.addObject();
            node.put("path", n.path());
            node.put("gpuUuid", n.gpuUuid());
            node.put("nvmlIndex", nvmlIndex(n, devices));
        }
        return array;
    }

    private static Integer nvmlIndex(RenderNode node, List<GpuDevice> devices) {
        for (GpuDevice d : devices) {
            if (d.uuid().equals(node.gpuUuid())) {
                return d.index();
            }
        }
        return null;
    }
}
