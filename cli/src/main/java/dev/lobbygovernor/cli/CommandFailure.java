package dev.lobbygovernor.cli;

/**
 * A command could not do its job, for a reason the user can act on (Wolf unreachable, a file that
 * cannot be read). {@link Main} prints the message, as JSON when {@code --json} was given, and
 * exits with {@link #exitCode()}.
 */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
