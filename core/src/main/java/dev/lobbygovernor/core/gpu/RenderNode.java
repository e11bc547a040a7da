package dev.lobbygovernor.core.gpu;

/**
 * One GPU of a streaming host as its streaming server reaches it: the DRM render node a lobby is
 * created on ({@code wayland_render_node} and {@code runner_render_node} in Wolf's create
 * request) and the NVML UUID of the same card, by which its readings, faults and lobbies are
 * told apart from the other cards'.
 *
 * <p>The two are tied by the card's PCI address, never by index order: render node numbers,
 * DRM card numbers and NVML indices need not agree. {@link RenderNodes#discover} finds the
 * pairs on the machine the streaming server runs on; a host elsewhere names them in its
 * configuration.
 *
 * @param path the render node, such as {@code /dev/dri/renderD128}
 * @param gpuUuid the card's NVML UUID, such as {@code GPU-5e2b3c4d-...}
 */
public record RenderNode(String path, String gpuUuid) {

    /**
     * Requires both, without surrounding blanks.
     *
     * @param path the render node; not blank
     * @param gpuUuid the card's NVML UUID; not blank
     * @throws IllegalArgumentException if either is {@code null} or blank
     */
    public RenderNode {
        path = requireText(path, "render node path");
        gpuUuid = requireText(gpuUuid, "GPU UUID");
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }
}
