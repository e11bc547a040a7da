package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A client's settings: on lobby create, the fields to update (only those given, {@code null} =
 * leave as is, are sent); in a listed {@link StreamSession}, the settings it streams with (Wolf
 * sends every field there).
 *
 * @param runUid uid the runner runs as
 * @param runGid gid the runner runs as
 * @param controllersOverride controller types: {@code XBOX}, {@code PS}, {@code NINTENDO},
 *     {@code AUTO}
 * @param mouseAcceleration mouse acceleration factor
 * @param vScrollAcceleration vertical scroll acceleration factor
 * @param hScrollAcceleration horizontal scroll acceleration factor
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClientSettings(
        Integer runUid,
        Integer runGid,
        List<String> controllersOverride,
        Double mouseAcceleration,
        Double vScrollAcceleration,
        Double hScrollAcceleration) {
}
