package dev.lobbygovernor.wolf;

import java.util.Objects;

/**
 * Wolf's answer could not be understood: a malformed status line or header, a body that does
 * not match its {@code Content-Length}, a reply over the size cap, or JSON that is not what the
 * endpoint returns. Carries a short, PIN-redacted excerpt of what was received.
 */
public final class WolfProtocolException extends WolfException {

    private static final long serialVersionUID = 1L;

    /** What was received, truncated and PIN-redacted. */
    private final String excerpt;

    /**
     * A protocol failure.
     *
     * @param message what was wrong
     * @param excerpt a truncated, printable, PIN-redacted excerpt of the bytes received
     * @param cause the parser's exception, if any
     */
    public WolfProtocolException(String message, String excerpt, Throwable cause) {
        super(message + (excerpt == null || excerpt.isEmpty() ? "" : "; received: " + excerpt),
                cause);
        this.excerpt = Objects.requireNonNullElse(excerpt, "");
    }

    /**
     * The truncated excerpt of what was received.
     *
     * @return printable, PIN-redacted text; empty if nothing was received
     */
    public String excerpt() {
        return excerpt;
    }
}
