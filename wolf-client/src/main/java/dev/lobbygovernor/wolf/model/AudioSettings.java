package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A lobby's audio settings on create.
 *
 * @param channelCount number of audio channels
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AudioSettings(int channelCount) {
}
