package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * An app as {@code GET /api/v1/apps} lists it; the GStreamer pipeline texts are not modelled.
 *
 * @param id the app id
 * @param title its title
 * @param supportHdr whether it supports HDR
 * @param iconPngPath icon path, or {@code null}
 * @param renderNode the render node it uses
 * @param startVirtualCompositor whether Wolf starts a compositor for it
 * @param startAudioServer whether Wolf starts an audio server for it
 * @param runner what it runs, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record App(
        String id,
        String title,
        boolean supportHdr,
        String iconPngPath,
        String renderNode,
        boolean startVirtualCompositor,
        boolean startAudioServer,
        Runner runner) {
}
