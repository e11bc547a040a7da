package dev.lobbygovernor.wolf.sim;

import java.util.Objects;

/**
 * One GPU of a simulated multi-GPU Wolf host: the render node lobbies are created on, the UUID
 * NVML would report for it, and the card it models. A lobby counts on the GPU whose render node
 * its create request named ({@code wayland_render_node}).
 *
 * @param renderNode the render node, such as {@code /dev/dri/renderD129}
 * @param uuid the card's NVML UUID
 * @param model the card
 */
public record SimGpu(String renderNode, String uuid, GpuModel model) {

    /**
     * Requires every field.
     *
     * @param renderNode the render node; not blank
     * @param uuid the card's UUID; not blank
     * @param model the card; not null
     * @throws IllegalArgumentException if the render node or UUID is blank
     * @throws NullPointerException if a field is null
     */
    public SimGpu {
        Objects.requireNonNull(model, "model");
        if (renderNode == null || renderNode.isBlank() || uuid == null || uuid.isBlank()) {
            throw new IllegalArgumentException("a simulated GPU needs a render node and a UUID");
        }
    }
}
