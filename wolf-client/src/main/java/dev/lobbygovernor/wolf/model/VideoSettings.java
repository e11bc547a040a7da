package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A lobby's video settings on create.
 *
 * @param width width in pixels
 * @param height height in pixels
 * @param refreshRate refresh rate in Hz
 * @param waylandRenderNode render node for the compositor, such as {@code /dev/dri/renderD128}
 * @param runnerRenderNode render node for the runner
 * @param videoProducerBufferCaps GStreamer caps of the producer buffers
 * @param videoSourceMode the helixml fork's {@code "wayland"} or {@code "pipewire"}; omitted
 *     when {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record VideoSettings(
        int width,
        int height,
        int refreshRate,
        String waylandRenderNode,
        String runnerRenderNode,
        String videoProducerBufferCaps,
        String videoSourceMode) {

    /**
     * These settings with the compositor and the runner both on {@code renderNode}: the GPU a
     * lobby runs and encodes on.
     *
     * @param renderNode the render node, such as {@code /dev/dri/renderD129}; not blank
     * @return a copy with {@code wayland_render_node} and {@code runner_render_node} set
     * @throws IllegalArgumentException if {@code renderNode} is null or blank
     */
    public VideoSettings onRenderNode(String renderNode) {
        if (renderNode == null || renderNode.isBlank()) {
            throw new IllegalArgumentException("render node must not be blank");
        }
        return new VideoSettings(width, height, refreshRate, renderNode, renderNode, videoProducerBufferCaps,
                videoSourceMode);
    }
}
