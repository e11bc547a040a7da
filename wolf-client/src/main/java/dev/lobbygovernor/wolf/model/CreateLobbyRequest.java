package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.lobbygovernor.store.LobbyPin;
import java.util.Objects;

/**
 * Body of {@code POST /api/v1/lobbies/create}.
 *
 * <p>{@code pin} is omitted from the JSON when {@code null}: Wolf treats an absent PIN as an
 * open lobby. The record's {@code toString} shows the PIN masked ({@code LobbyPin[****]}).
 *
 * @param profileId the profile creating the lobby
 * @param name the display name
 * @param iconPngPath icon path, or {@code null}
 * @param multiUser whether several clients may join (Wolf's default: true)
 * @param pin the PIN that protects join and stop, or {@code null} for an open lobby
 * @param stopWhenEveryoneLeaves whether Wolf stops it when the last client leaves (default true)
 * @param videoSettings video settings
 * @param audioSettings audio settings
 * @param clientSettings client settings to update, or {@code null}
 * @param runnerStateFolder folder for the runner's state
 * @param runner what the lobby runs
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CreateLobbyRequest(
        String profileId,
        String name,
        String iconPngPath,
        boolean multiUser,
        LobbyPin pin,
        boolean stopWhenEveryoneLeaves,
        VideoSettings videoSettings,
        AudioSettings audioSettings,
        ClientSettings clientSettings,
        String runnerStateFolder,
        Runner runner) {

    /** Wolf's default for {@code multi_user}. */
    public static final boolean DEFAULT_MULTI_USER = true;
    /** Wolf's default for {@code stop_when_everyone_leaves}. */
    public static final boolean DEFAULT_STOP_WHEN_EVERYONE_LEAVES = true;

    /** Requires what Wolf requires: profile, name, video and audio settings, state folder, runner. */
    public CreateLobbyRequest {
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(videoSettings, "videoSettings");
        Objects.requireNonNull(audioSettings, "audioSettings");
        Objects.requireNonNull(runnerStateFolder, "runnerStateFolder");
        Objects.requireNonNull(runner, "runner");
    }

    /** A request with Wolf's defaults, an open lobby (no PIN) and no icon or client settings. */
    public static CreateLobbyRequest of(String profileId, String name, VideoSettings video,
            AudioSettings audio, String runnerStateFolder, Runner runner) {
        return new CreateLobbyRequest(profileId, name, null, DEFAULT_MULTI_USER, null,
                DEFAULT_STOP_WHEN_EVERYONE_LEAVES, video, audio, null, runnerStateFolder, runner);
    }

    /** This request protected by {@code newPin} ({@code null} for an open lobby). */
    public CreateLobbyRequest withPin(LobbyPin newPin) {
        return new CreateLobbyRequest(profileId, name, iconPngPath, multiUser, newPin,
                stopWhenEveryoneLeaves, videoSettings, audioSettings, clientSettings,
                runnerStateFolder, runner);
    }

    /** This request with {@code stop_when_everyone_leaves} set. */
    public CreateLobbyRequest withStopWhenEveryoneLeaves(boolean stop) {
        return new CreateLobbyRequest(profileId, name, iconPngPath, multiUser, pin, stop,
                videoSettings, audioSettings, clientSettings, runnerStateFolder, runner);
    }
}
