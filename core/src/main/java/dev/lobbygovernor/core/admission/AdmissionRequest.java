package dev.lobbygovernor.core.admission;

import dev.lobbygovernor.store.LobbyPin;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for one lobby slot: whose lobby it is, where it may run, and how it is protected.
 *
 * <p>The lobby's credentials are fixed here, before anything exists, because the governor
 * stores them with the reservation: by default it generates a PIN ({@link #GENERATED_PIN_DIGITS}
 * digits, from {@link java.security.SecureRandom}); {@link #withPin} sets the host's own, and
 * {@link #openLobby()} asks for none. The lobby's name is {@link #namePrefix()} followed by a
 * unique tag the governor adds, so that the runtime's listing shows whether a lobby was created
 * under the reservation. {@link #toString()} never shows the PIN.
 *
 * @param sessionId the host application's session the lobby will belong to
 * @param hostId the host to place it on; empty lets the governor pick the least-loaded
 *     admissible host
 * @param pin the PIN to create the lobby with; empty means generated, unless {@code open}
 * @param open whether the lobby has no PIN at all
 * @param namePrefix the readable start of the lobby's name
 */
public record AdmissionRequest(String sessionId, Optional<String> hostId, Optional<LobbyPin> pin, boolean open,
        String namePrefix) {

    /** How many digits a generated PIN has. */
    public static final int GENERATED_PIN_DIGITS = 6;
    /** The name prefix unless {@link #named} sets another. */
    public static final String DEFAULT_NAME_PREFIX = "lobby";
    /** The longest name prefix accepted, leaving room for the governor's tag. */
    public static final int MAX_NAME_PREFIX_LENGTH = 64;

    /**
     * Validates every field.
     *
     * @param sessionId the session the lobby will belong to; not blank
     * @param hostId the host to place it on, or empty for any; {@code null} reads as empty
     * @param pin the PIN, or empty; {@code null} reads as empty
     * @param open whether the lobby has no PIN; not together with a PIN
     * @param namePrefix the start of the lobby's name; not blank, at most
     *     {@link #MAX_NAME_PREFIX_LENGTH} characters, no control characters
     * @throws IllegalArgumentException if {@code sessionId} or {@code namePrefix} is invalid,
     *     {@code hostId} holds a blank id, or a PIN is given for an open lobby
     */
    public AdmissionRequest {
        if (sessionId == null || sessionId.isBlank()) {
            throw new IllegalArgumentException("sessionId must not be blank");
        }
        hostId = hostId == null ? Optional.empty() : hostId;
        if (hostId.isPresent() && hostId.get().isBlank()) {
            throw new IllegalArgumentException("hostId must not be blank when given");
        }
        pin = pin == null ? Optional.empty() : pin;
        if (open && pin.isPresent()) {
            throw new IllegalArgumentException("an open lobby has no PIN; give a PIN or ask for an open lobby, not both");
        }
        if (namePrefix == null || namePrefix.isBlank() || namePrefix.length() > MAX_NAME_PREFIX_LENGTH
                || namePrefix.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("namePrefix must be 1 to " + MAX_NAME_PREFIX_LENGTH
                    + " characters without control characters");
        }
    }

    /**
     * A request for {@code sessionId}'s lobby on any host, with a generated PIN.
     *
     * @param sessionId the session; not blank
     * @return the request
     * @throws IllegalArgumentException if {@code sessionId} is null or blank
     */
    public static AdmissionRequest forSession(String sessionId) {
        return new AdmissionRequest(sessionId, Optional.empty(), Optional.empty(), false, DEFAULT_NAME_PREFIX);
    }

    /**
     * This request pinned to one host.
     *
     * @param host the host's id; {@code null} for any host
     * @return a new request
     * @throws IllegalArgumentException if {@code host} is blank
     */
    public AdmissionRequest onHost(String host) {
        return new AdmissionRequest(sessionId, Optional.ofNullable(host), pin, open, namePrefix);
    }

    /**
     * This request with the host's own PIN instead of a generated one.
     *
     * @param lobbyPin the PIN; not null
     * @return a new request
     */
    public AdmissionRequest withPin(LobbyPin lobbyPin) {
        return new AdmissionRequest(sessionId, hostId, Optional.of(Objects.requireNonNull(lobbyPin, "pin")), false,
                namePrefix);
    }

    /**
     * This request for an open lobby: no PIN, so anyone may join or stop it.
     *
     * @return a new request
     */
    public AdmissionRequest openLobby() {
        return new AdmissionRequest(sessionId, hostId, Optional.empty(), true, namePrefix);
    }

    /**
     * This request with another readable start for the lobby's name.
     *
     * @param prefix the start of the name; the governor appends a unique tag
     * @return a new request
     * @throws IllegalArgumentException if {@code prefix} is blank, too long or holds control
     *     characters
     */
    public AdmissionRequest named(String prefix) {
        return new AdmissionRequest(sessionId, hostId, pin, open, prefix);
    }
}
