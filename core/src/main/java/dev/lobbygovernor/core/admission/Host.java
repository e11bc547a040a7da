package dev.lobbygovernor.core.admission;

import dev.lobbygovernor.core.runtime.LobbyRuntime;
import java.util.Objects;

/**
 * A streaming host the governor admits lobbies to: its id, the runtime that lists and stops its
 * lobbies, and its limits.
 *
 * @param id the host's id, as lobby records and health reports name it
 * @param runtime the streaming server's view of the host's lobbies
 * @param limits the host's caps
 */
public record Host(String id, LobbyRuntime runtime, HostLimits limits) {

    /**
     * Requires every field; the id must not be blank.
     *
     * @param id the host's id; not blank
     * @param runtime the streaming server's view of the host's lobbies; not null
     * @param limits the host's caps; not null
     * @throws IllegalArgumentException if {@code id} is null or blank
     * @throws NullPointerException if {@code runtime} or {@code limits} is null
     */
    public Host {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("host id must not be blank");
        }
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * A host with the given id, runtime and limits.
     *
     * @param id the host's id; not blank
     * @param runtime the streaming server's view of the host's lobbies; not null
     * @param limits the host's caps; not null
     * @return the host
     * @throws IllegalArgumentException if {@code id} is null or blank
     * @throws NullPointerException if {@code runtime} or {@code limits} is null
     */
    public static Host of(String id, LobbyRuntime runtime, HostLimits limits) {
        return new Host(id, runtime, limits);
    }

    /**
     * A host with {@link HostLimits#defaults()}: the default static cap and per-lobby GPU
     * memory, no encoder cap.
     *
     * @param id the host's id; not blank
     * @param runtime the streaming server's view of the host's lobbies; not null
     * @return the host
     * @throws IllegalArgumentException if {@code id} is null or blank
     * @throws NullPointerException if {@code runtime} is null
     */
    public static Host of(String id, LobbyRuntime runtime) {
        return new Host(id, runtime, HostLimits.defaults());
    }
}
