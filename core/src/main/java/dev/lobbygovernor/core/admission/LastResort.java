package dev.lobbygovernor.core.admission;

import java.time.Duration;
import java.util.Objects;

/**
 * The optional last resort: when a host is full and an admission would be refused, stop the
 * lobby that has been idle longest (if idle at least {@code minIdle}) and admit instead. Off by
 * default, because it ends someone's lobby.
 *
 * <p>Idle means: by its record's last activity (which the reaper moves forward while clients are
 * connected, and hosts move with {@link LobbyGovernor#touch}), and with no client connected when
 * the runtime is listed just before choosing. A lobby with a connected client is never stopped.
 *
 * @param enabled whether the governor may stop an idle lobby to admit a new one
 * @param minIdle how long a lobby must have been idle to be stopped
 */
public record LastResort(boolean enabled, Duration minIdle) {

    /** The idle minimum used when the last resort is off (kept so the record stays valid). */
    public static final Duration DEFAULT_MIN_IDLE = Duration.ofMinutes(30);

    /**
     * Requires a positive idle minimum, even when disabled.
     *
     * @param enabled whether the governor may stop an idle lobby to admit a new one
     * @param minIdle how long a lobby must have been idle to be stopped; positive
     * @throws NullPointerException if {@code minIdle} is null
     * @throws IllegalArgumentException if {@code minIdle} is zero or negative
     */
    public LastResort {
        Objects.requireNonNull(minIdle, "minIdle");
        if (minIdle.isNegative() || minIdle.isZero()) {
            throw new IllegalArgumentException("minIdle must be positive, was " + minIdle);
        }
    }

    /**
     * The last resort is off: a full host refuses and no lobby is stopped to make room.
     *
     * @return a disabled last resort, with {@link #DEFAULT_MIN_IDLE} as its unused minimum
     */
    public static LastResort disabled() {
        return new LastResort(false, DEFAULT_MIN_IDLE);
    }

    /**
     * Stop a lobby idle longer than {@code minIdle} when a host is full.
     *
     * @param minIdle how long a lobby must have been idle to be stopped; positive
     * @return an enabled last resort
     * @throws NullPointerException if {@code minIdle} is null
     * @throws IllegalArgumentException if {@code minIdle} is zero or negative
     */
    public static LastResort stopIdleLongerThan(Duration minIdle) {
        return new LastResort(true, minIdle);
    }
}
