package dev.lobbygovernor.wolf.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.lobbygovernor.store.LobbyPin;
import java.util.Objects;

/**
 * Body of {@code POST /api/v1/lobbies/create}.
 *
 * <p>Build one with only what has no sensible default:
 *
 * <pre>{@code
 * CreateLobbyRequest request = CreateLobbyRequest.builder()
 *         .profileId("helix")
 *         .name("agent-42")
 *         .runner(new Runner.Docker("agent-42", "registry.local/agent:1", List.of(),
 *                 List.of("SESSION_ID=42"), List.of("/dev/dri"), List.of(), null))
 *         .pin(LobbyPin.of("5813"))         // optional: without it the lobby is open
 *         .build();
 * }</pre>
 *
 * <p>The rest defaults to: Wolf's own {@code multi_user} and {@code stop_when_everyone_leaves}
 * ({@code true}), no icon, no client settings, {@link #DEFAULT_VIDEO} (1080p60 on
 * {@code /dev/dri/renderD128}), {@link #DEFAULT_AUDIO} (stereo) and a runner state folder of
 * its own under {@link #DEFAULT_RUNNER_STATE_ROOT}.
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
    /**
     * The builder's default video: 1920×1080 at 60 Hz, compositor and runner on the first
     * render node ({@code /dev/dri/renderD128}), plain system-memory buffers
     * ({@code video/x-raw}, which every driver can produce; DMA-buf caps are faster where the
     * driver supports them), and no {@code video_source_mode} (the helixml fork's field).
     */
    public static final VideoSettings DEFAULT_VIDEO = new VideoSettings(1920, 1080, 60,
            "/dev/dri/renderD128", "/dev/dri/renderD128", "video/x-raw", null);
    /** The builder's default audio: two channels. */
    public static final AudioSettings DEFAULT_AUDIO = new AudioSettings(2);
    /**
     * Where the builder puts a lobby's runner state by default: a folder named after the lobby
     * under this one, inside Wolf's default {@code HOST_APPS_STATE_FOLDER} ({@code /etc/wolf}).
     */
    public static final String DEFAULT_RUNNER_STATE_ROOT = "/etc/wolf/lobbies";

    /**
     * Requires what Wolf requires: profile, name, video and audio settings, state folder, runner.
     *
     * @param profileId the profile creating the lobby
     * @param name the display name
     * @param iconPngPath icon path, or {@code null}
     * @param multiUser whether several clients may join (Wolf's default: true)
     * @param pin the PIN that protects join and stop, or {@code null} for an open lobby
     * @param stopWhenEveryoneLeaves whether Wolf stops it when the last client leaves (default
     *     true)
     * @param videoSettings video settings
     * @param audioSettings audio settings
     * @param clientSettings client settings to update, or {@code null}
     * @param runnerStateFolder folder for the runner's state
     * @param runner what the lobby runs
     * @throws NullPointerException if one of them is null
     */
    public CreateLobbyRequest {
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(videoSettings, "videoSettings");
        Objects.requireNonNull(audioSettings, "audioSettings");
        Objects.requireNonNull(runnerStateFolder, "runnerStateFolder");
        Objects.requireNonNull(runner, "runner");
    }

    /**
     * A builder with the defaults above; profile, name and runner must be set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this request's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.profileId = profileId;
        b.name = name;
        b.iconPngPath = iconPngPath;
        b.multiUser = multiUser;
        b.pin = pin;
        b.stopWhenEveryoneLeaves = stopWhenEveryoneLeaves;
        b.videoSettings = videoSettings;
        b.audioSettings = audioSettings;
        b.clientSettings = clientSettings;
        b.runnerStateFolder = runnerStateFolder;
        b.runner = runner;
        return b;
    }

    /**
     * A request with Wolf's defaults, an open lobby (no PIN) and no icon or client settings.
     *
     * @param profileId the profile creating the lobby
     * @param name the display name
     * @param video video settings
     * @param audio audio settings
     * @param runnerStateFolder folder for the runner's state
     * @param runner what the lobby runs
     * @return the request
     * @throws NullPointerException if an argument is null
     */
    public static CreateLobbyRequest of(String profileId, String name, VideoSettings video,
            AudioSettings audio, String runnerStateFolder, Runner runner) {
        return new CreateLobbyRequest(profileId, name, null, DEFAULT_MULTI_USER, null,
                DEFAULT_STOP_WHEN_EVERYONE_LEAVES, video, audio, null, runnerStateFolder, runner);
    }

    /**
     * This request protected by another PIN.
     *
     * @param newPin the PIN; {@code null} for an open lobby
     * @return a copy with that PIN
     */
    public CreateLobbyRequest withPin(LobbyPin newPin) {
        return new CreateLobbyRequest(profileId, name, iconPngPath, multiUser, newPin,
                stopWhenEveryoneLeaves, videoSettings, audioSettings, clientSettings,
                runnerStateFolder, runner);
    }

    /**
     * This request with {@code stop_when_everyone_leaves} set.
     *
     * @param stop whether Wolf stops the lobby when its last client leaves
     * @return a copy with that value
     */
    public CreateLobbyRequest withStopWhenEveryoneLeaves(boolean stop) {
        return new CreateLobbyRequest(profileId, name, iconPngPath, multiUser, pin, stop,
                videoSettings, audioSettings, clientSettings, runnerStateFolder, runner);
    }

    /**
     * Builds a {@link CreateLobbyRequest}; each setter rejects a bad value at once, and
     * {@link #build()} a missing profile, name or runner.
     */
    public static final class Builder {
        private String profileId;
        private String name;
        private String iconPngPath;
        private boolean multiUser = DEFAULT_MULTI_USER;
        private LobbyPin pin;
        private boolean stopWhenEveryoneLeaves = DEFAULT_STOP_WHEN_EVERYONE_LEAVES;
        private VideoSettings videoSettings = DEFAULT_VIDEO;
        private AudioSettings audioSettings = DEFAULT_AUDIO;
        private ClientSettings clientSettings;
        private String runnerStateFolder;
        private Runner runner;

        private Builder() {
        }

        /**
         * Sets the profile creating the lobby; required.
         *
         * @param value the profile id, such as {@code "helix"}
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is blank
         */
        public Builder profileId(String value) {
            this.profileId = nonBlank(value, "profileId");
            return this;
        }

        /**
         * Sets the display name; required. A control plane that finds its lobbies again by
         * name (as the governor's reservations do) makes it unique.
         *
         * @param value the name
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is blank
         */
        public Builder name(String value) {
            this.name = nonBlank(value, "name");
            return this;
        }

        /**
         * Sets what the lobby runs; required.
         *
         * @param value a {@link Runner.Docker} container or a {@link Runner.Process} command
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         */
        public Builder runner(Runner value) {
            this.runner = Objects.requireNonNull(value, "runner");
            return this;
        }

        /**
         * Protects the lobby's join and stop with a PIN; default none (an open lobby).
         *
         * @param value the PIN, or {@code null} for an open lobby
         * @return this builder
         */
        public Builder pin(LobbyPin value) {
            this.pin = value;
            return this;
        }

        /**
         * Sets the icon; default none.
         *
         * @param value the icon's path on Wolf's host, or {@code null} for none
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is blank
         */
        public Builder iconPngPath(String value) {
            this.iconPngPath = value == null ? null : nonBlank(value, "iconPngPath");
            return this;
        }

        /**
         * Whether several clients may join; default {@link #DEFAULT_MULTI_USER}.
         *
         * @param value true to let several clients join
         * @return this builder
         */
        public Builder multiUser(boolean value) {
            this.multiUser = value;
            return this;
        }

        /**
         * Whether Wolf stops the lobby when its last client leaves; default
         * {@link #DEFAULT_STOP_WHEN_EVERYONE_LEAVES}. A lobby that stays is reaped only by the
         * governor's idle timeout.
         *
         * @param value true to let Wolf stop it
         * @return this builder
         */
        public Builder stopWhenEveryoneLeaves(boolean value) {
            this.stopWhenEveryoneLeaves = value;
            return this;
        }

        /**
         * Sets the video settings; default {@link #DEFAULT_VIDEO}.
         *
         * @param value the video settings
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if width, height or refresh rate is not positive
         */
        public Builder videoSettings(VideoSettings value) {
            Objects.requireNonNull(value, "videoSettings");
            if (value.width() <= 0 || value.height() <= 0 || value.refreshRate() <= 0) {
                throw new IllegalArgumentException("video width, height and refresh rate must be"
                        + " positive, were " + value.width() + "x" + value.height() + "@"
                        + value.refreshRate());
            }
            this.videoSettings = value;
            return this;
        }

        /**
         * Sets the audio settings; default {@link #DEFAULT_AUDIO}.
         *
         * @param value the audio settings
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if the channel count is not positive
         */
        public Builder audioSettings(AudioSettings value) {
            Objects.requireNonNull(value, "audioSettings");
            if (value.channelCount() <= 0) {
                throw new IllegalArgumentException("audio channel count must be positive, was "
                        + value.channelCount());
            }
            this.audioSettings = value;
            return this;
        }

        /**
         * Sets client settings to update; default none.
         *
         * @param value the settings, or {@code null} to leave the client's as they are
         * @return this builder
         */
        public Builder clientSettings(ClientSettings value) {
            this.clientSettings = value;
            return this;
        }

        /**
         * Sets the folder for the runner's state; default {@link #DEFAULT_RUNNER_STATE_ROOT}
         * plus the lobby's name with every character other than a letter, digit, {@code -} or
         * {@code _} turned into {@code _}. Set it when two lobbies' names could map to the same
         * folder, or when the state must live elsewhere.
         *
         * @param value the folder on Wolf's host
         * @return this builder
         * @throws NullPointerException if {@code value} is null
         * @throws IllegalArgumentException if {@code value} is blank
         */
        public Builder runnerStateFolder(String value) {
            this.runnerStateFolder = nonBlank(value, "runnerStateFolder");
            return this;
        }

        /**
         * The request.
         *
         * @return the request
         * @throws IllegalStateException if the profile, the name or the runner is not set
         */
        public CreateLobbyRequest build() {
            requireSet(profileId, "profileId");
            requireSet(name, "name");
            requireSet(runner, "runner");
            String folder = runnerStateFolder != null ? runnerStateFolder
                    : DEFAULT_RUNNER_STATE_ROOT + "/" + name.replaceAll("[^A-Za-z0-9_-]", "_");
            return new CreateLobbyRequest(profileId, name, iconPngPath, multiUser, pin,
                    stopWhenEveryoneLeaves, videoSettings, audioSettings, clientSettings, folder,
                    runner);
        }

        private static String nonBlank(String value, String field) {
            Objects.requireNonNull(value, field);
            if (value.isBlank()) {
                throw new IllegalArgumentException(field + " must not be blank");
            }
            return value;
        }

        private static void requireSet(Object value, String field) {
            if (value == null) {
                throw new IllegalStateException(field + " is required: set it with ." + field
                        + "(...) before build()");
            }
        }
    }
}
