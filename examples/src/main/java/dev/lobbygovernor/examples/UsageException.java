package dev.lobbygovernor.examples;

/** The command line was wrong; the message says what and {@link Main} adds the usage text. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
