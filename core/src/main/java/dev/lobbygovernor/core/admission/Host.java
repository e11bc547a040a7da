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

    /** Requires every field; the id must not be blank. */
    public Host {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("host id must not be blank");
        }
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(limits, "limits");
    }

    /** A host with the given id, runtime and limits. */
    public static Host of(String id, LobbyRuntime runtime, HostLimits limits) {
        return new Host(id, runtime, limits);
    }

    /** A host with {@link HostLimits#defaults()}. */
    public static Host of(String id, LobbyRuntime runtime) {
        return new Host(id, runtime, HostLimits.defaults());
    }
}
