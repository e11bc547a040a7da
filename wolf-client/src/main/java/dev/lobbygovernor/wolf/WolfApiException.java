package dev.lobbygovernor.wolf;

import dev.lobbygovernor.wolf.model.WolfJson;
import java.util.Objects;

/**
 * Wolf answered and refused: an HTTP error status, or {@code "success":false}. Wolf's own
 * {@code error} text is kept verbatim (with any PIN value redacted), because it is the only
 * thing that says what went wrong: "Invalid PIN", "Invalid lobby ID", "Lobby setup timed out".
 */
public final class WolfApiException extends WolfException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status Wolf replied with. */
    private final int status;
    /** The API path that was called. */
    private final String path;
    /** Wolf's {@code error} text, PINs redacted. */
    private final String wolfError;

    /**
     * A refusal.
     *
     * @param status the HTTP status (Wolf uses 500 for most refusals, with reason "OK")
     * @param path the API path called
     * @param wolfError Wolf's {@code error} text; empty when Wolf gave none
     */
    public WolfApiException(int status, String path, String wolfError) {
        super(message(status, path, wolfError), null);
        this.status = status;
        this.path = Objects.requireNonNull(path, "path");
        this.wolfError = WolfJson.redactPins(Objects.requireNonNullElse(wolfError, ""));
    }

    private static String message(int status, String path, String wolfError) {
        String text = WolfJson.redactPins(Objects.requireNonNullElse(wolfError, ""));
        if (text.isEmpty()) {
            return "Wolf refused " + path + " (HTTP " + status + ")" + (status == 404
                    ? ": this Wolf does not serve that route (an older or upstream Wolf?)"
                    : " without an error text");
        }
        return "Wolf refused " + path + " (HTTP " + status + "): " + text;
    }

    /**
     * The HTTP status Wolf replied with.
     *
     * @return such as 500, Wolf's status for most refusals
     */
    public int status() {
        return status;
    }

    /**
     * The API path that was called.
     *
     * @return such as {@code /api/v1/lobbies/stop}
     */
    public String path() {
        return path;
    }

    /**
     * Wolf's own {@code error} text, verbatim but for redacted PINs.
     *
     * @return such as {@code Invalid PIN}; empty if Wolf gave none
     */
    public String wolfError() {
        return wolfError;
    }
}
