package dev.lobbygovernor.core.health;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a host's streaming server said of itself at one poll ({@link ServerReporter}).
 *
 * @param source the server's name, such as {@code Wolf}
 * @param at when it was asked
 * @param health its own health, empty when it has no health report (upstream Wolf) or could not
 *     be asked and had not said it was critical before
 * @param usage its own counts, empty when it has none or could not be asked
 * @param failure why it could not be asked; empty when it answered
 */
public record ServerReport(String source, Instant at, Optional<ServerHealth> health, Optional<ServerUsage> usage,
        String failure) {

    /**
     * Requires every part.
     *
     * @param source the server's name; not null
     * @param at when it was asked; not null
     * @param health its own health; not null
     * @param usage its own counts; not null
     * @param failure why it could not be asked; {@code null} reads as empty
     * @throws NullPointerException if a required part is null
     */
    public ServerReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(usage, "usage");
        failure = Objects.requireNonNullElse(failure, "");
    }

    /**
     * A report the server gave.
     *
     * @param source the server's name; not null
     * @param at when it was asked; not null
     * @param health its own health, empty if it has none
     * @param usage its own counts, empty if it has none
     * @return the report
     */
    public static ServerReport answered(String source, Instant at, Optional<ServerHealth> health,
            Optional<ServerUsage> usage) {
        return new ServerReport(source, at, health, usage, "");
    }

    /**
     * A server that could not be asked. A critical health it reported before is kept, so that a
     * server that stops answering after saying it cannot create pipelines is not admitted to
     * again on its silence.
     *
     * @param source the server's name; not null
     * @param at when it was asked; not null
     * @param failure why it could not be asked; not null
     * @param earlier the report before, or {@code null}
     * @return the report
     */
    public static ServerReport unreadable(String source, Instant at, String failure, ServerReport earlier) {
        Optional<ServerHealth> kept = earlier == null ? Optional.empty()
                : earlier.health().filter(ServerHealth::critical);
        return new ServerReport(source, at, kept, Optional.empty(), Objects.requireNonNull(failure, "failure"));
    }

    /**
     * Whether the server answered.
     *
     * @return true if {@link #failure()} is empty
     */
    public boolean answered() {
        return failure.isEmpty();
    }

    /**
     * Whether the server has a health report of its own: false for a server that answered
     * without one (upstream Wolf answers 404), which is no failure, only nothing to judge.
     *
     * @return true if it answered with its health
     */
    public boolean supported() {
        return answered() && health.isPresent();
    }
}
