package dev.lobbygovernor.cli;

/**
 * The command line's log level. Its backend, slf4j-simple, writes to stderr and reads its level
 * from a system property once, when the first logger is created; so this runs after the command
 * line is parsed and before any command touches the library. By default only warnings and
 * errors reach stderr (a refusal, monitoring lost), so that the library's INFO lines do not
 * drown the command's own output; {@code --verbose} adds INFO.
 */
final class CliLogging {

    /** slf4j-simple's level property. */
    static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    private CliLogging() {
    }

    /**
     * Sets the level: {@code info} when verbose, else {@code warn} unless the JVM was started with
     * a level of its own ({@code JAVA_OPTS=-Dorg.slf4j.simpleLogger.defaultLogLevel=debug}).
     */
    static void configure(boolean verbose) {
        if (verbose) {
            System.setProperty(LEVEL_PROPERTY, "info");
        } else if (System.getProperty(LEVEL_PROPERTY) == null) {
            System.setProperty(LEVEL_PROPERTY, "warn");
        }
    }
}
