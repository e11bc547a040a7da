package dev.lobbygovernor.wolf;

/**
 * A Wolf API call failed. The three subclasses say whether anything was learned:
 * {@link WolfUnavailableException} (Wolf could not be reached), {@link WolfApiException} (Wolf
 * answered and refused) and {@link WolfProtocolException} (Wolf's answer made no sense).
 *
 * <p>Messages never carry a lobby PIN or a bearer token.
 */
public abstract sealed class WolfException extends Exception
        permits WolfUnavailableException, WolfApiException, WolfProtocolException {

    private static final long serialVersionUID = 1L;

    WolfException(String message, Throwable cause) {
        super(message, cause);
    }
}
