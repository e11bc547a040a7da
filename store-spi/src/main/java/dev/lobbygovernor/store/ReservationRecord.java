package dev.lobbygovernor.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A lobby slot granted before its lobby exists: written by admission before the caller creates
 * the lobby, so that the lobby's credentials are durable before there is anything to leak.
 *
 * <p>A reservation counts against its host, for every governor that shares the store, until it
 * is committed (turned into a {@link LobbyRecord} by {@link SessionStore#commitReservation}),
 * released before any create attempt, or reconciled. Once a create was attempted it counts
 * whatever its expiry says: the lobby may exist, and only the runtime's listing can tell.
 *
 * @param reservationId unique id of the reservation
 * @param hostId the governor's id of the host the slot is on
 * @param sessionId the host application's session the lobby is for
 * @param pin the PIN the lobby must be created with, or {@code null} for an open lobby; masked
 *     in {@link #toString()}
 * @param lobbyName the name the lobby must be created with: unique, so that the runtime's
 *     listing shows whether a lobby was created under this reservation
 * @param createdAt when the slot was granted
 * @param expiresAt when a {@link Phase#RESERVED} slot stops counting
 * @param phase how far the caller got
 * @param createStartedAt when the caller declared the create attempt; {@code null} exactly
 *     while {@link Phase#RESERVED}
 * @param gpu the GPU of the host the slot is on (its NVML UUID), or empty when the host's GPUs
 *     are not told apart
 */
public record ReservationRecord(
        String reservationId,
        String hostId,
        String sessionId,
        LobbyPin pin,
        String lobbyName,
        Instant createdAt,
        Instant expiresAt,
        Phase phase,
        Instant createStartedAt,
        String gpu) {

    /** How far the caller got with the lobby. */
    public enum Phase {
        /** Granted; no create attempted yet. Counts until {@code expiresAt}. */
        RESERVED,
        /** A create is under way or was attempted; counts until committed or reconciled. */
        CREATING,
        /**
         * Given up after a create attempt without a commit: the lobby may exist. Counts until
         * reconciliation finds it (and stops it with the stored PIN) or proves it absent.
         */
        ABANDONED
    }

    /**
     * Validates every field.
     *
     * @param reservationId unique id; not blank
     * @param hostId the host; not blank
     * @param sessionId the session; not blank
     * @param pin the PIN, or {@code null} for an open lobby
     * @param lobbyName the lobby's unique name; not blank
     * @param createdAt when granted; not null
     * @param expiresAt when a reserved slot stops counting; not before {@code createdAt}
     * @param phase the phase; not null
     * @param createStartedAt when the create was declared; {@code null} exactly for
     *     {@link Phase#RESERVED}
     * @param gpu the GPU's UUID, or empty (or {@code null}, read as empty) for none
     * @throws IllegalArgumentException if an id or the name is blank, the expiry precedes the
     *     grant, or {@code createStartedAt} does not match the phase
     * @throws NullPointerException if a time or the phase is null
     */
    public ReservationRecord {
        gpu = gpu == null ? "" : gpu;
        requireText(reservationId, "reservationId");
        requireText(hostId, "hostId");
        requireText(sessionId, "sessionId");
        requireText(lobbyName, "lobbyName");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(phase, "phase");
        if (expiresAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("expiresAt must not precede createdAt");
        }
        if ((phase == Phase.RESERVED) != (createStartedAt == null)) {
            throw new IllegalArgumentException("createStartedAt is required once a create is attempted, and only then");
        }
    }

    /**
     * A reservation on no GPU in particular.
     *
     * @param reservationId unique id; not blank
     * @param hostId the host; not blank
     * @param sessionId the session; not blank
     * @param pin the PIN, or {@code null} for an open lobby
     * @param lobbyName the lobby's unique name; not blank
     * @param createdAt when granted; not null
     * @param expiresAt when a reserved slot stops counting; not before {@code createdAt}
     * @param phase the phase; not null
     * @param createStartedAt when the create was declared; {@code null} exactly for
     *     {@link Phase#RESERVED}
     * @throws IllegalArgumentException as the canonical constructor
     * @throws NullPointerException as the canonical constructor
     */
    public ReservationRecord(String reservationId, String hostId, String sessionId, LobbyPin pin, String lobbyName,
            Instant createdAt, Instant expiresAt, Phase phase, Instant createStartedAt) {
        this(reservationId, hostId, sessionId, pin, lobbyName, createdAt, expiresAt, phase, createStartedAt, "");
    }

    /**
     * This reservation placed on {@code gpuUuid}.
     *
     * @param gpuUuid the GPU's UUID, or empty for none
     * @return a copy with {@link #gpu()} set
     */
    public ReservationRecord onGpu(String gpuUuid) {
        return new ReservationRecord(reservationId, hostId, sessionId, pin, lobbyName, createdAt, expiresAt, phase,
                createStartedAt, gpuUuid);
    }

    /**
     * A fresh reservation, before any create attempt.
     *
     * @param reservationId unique id; not blank
     * @param hostId the host; not blank
     * @param sessionId the session; not blank
     * @param pin the PIN, or {@code null} for an open lobby
     * @param lobbyName the lobby's unique name; not blank
     * @param createdAt when granted
     * @param expiresAt when the slot stops counting unless a create is attempted
     * @return the reservation, {@link Phase#RESERVED}
     */
    public static ReservationRecord reserved(String reservationId, String hostId, String sessionId, LobbyPin pin,
            String lobbyName, Instant createdAt, Instant expiresAt) {
        return new ReservationRecord(reservationId, hostId, sessionId, pin, lobbyName, createdAt, expiresAt,
                Phase.RESERVED, null);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /**
     * Whether the slot counts against its host at {@code now}: a reserved slot until it
     * expires, a slot with a create attempt until it is committed or reconciled.
     *
     * @param now the time of the count
     * @return true if it counts
     */
    public boolean countsAt(Instant now) {
        return phase != Phase.RESERVED || now.isBefore(expiresAt);
    }

    /**
     * Whether a lobby may have been created under it.
     *
     * @return true once a create was attempted
     */
    public boolean maybeCreated() {
        return phase != Phase.RESERVED;
    }

    /**
     * This reservation with a create attempt declared at {@code at}; a reservation already past
     * that phase is returned unchanged.
     *
     * @param at when the caller starts creating
     * @return the reservation in {@link Phase#CREATING}
     */
    public ReservationRecord creating(Instant at) {
        Objects.requireNonNull(at, "at");
        return phase == Phase.RESERVED
                ? new ReservationRecord(reservationId, hostId, sessionId, pin, lobbyName, createdAt, expiresAt,
                        Phase.CREATING, at, gpu)
                : this;
    }

    /**
     * This reservation given up after its create attempt.
     *
     * @return the reservation in {@link Phase#ABANDONED}
     * @throws IllegalStateException if no create was attempted (release it instead)
     */
    public ReservationRecord abandoned() {
        if (phase == Phase.RESERVED) {
            throw new IllegalStateException("no create was attempted; release the reservation instead");
        }
        return new ReservationRecord(reservationId, hostId, sessionId, pin, lobbyName, createdAt, expiresAt,
                Phase.ABANDONED, createStartedAt, gpu);
    }

    /**
     * The PIN, if the lobby has one.
     *
     * @return the PIN, or empty for an open lobby
     */
    public Optional<LobbyPin> optionalPin() {
        return Optional.ofNullable(pin);
    }
}
