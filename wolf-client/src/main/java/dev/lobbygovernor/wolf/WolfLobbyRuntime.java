package dev.lobbygovernor.wolf;

import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.core.runtime.LiveSession;
import dev.lobbygovernor.core.runtime.SessionListing;
import dev.lobbygovernor.core.runtime.SessionRuntime;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.wolf.model.Lobby;
import dev.lobbygovernor.wolf.model.StreamSession;
import dev.lobbygovernor.wolf.model.SystemMemoryReply;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Wolf as the governor's {@link LobbyRuntime}: lists what Wolf runs and stops lobbies through
 * {@link WolfClient}. Failures map to {@link LobbyRuntimeException} kinds: unreachable →
 * {@code UNAVAILABLE}; Wolf's refusals ("Invalid PIN", "Invalid lobby ID", any error status) →
 * {@code REJECTED} with Wolf's text; a reply that makes no sense → {@code PROTOCOL}. A stop is
 * never retried here; the caller verifies by listing again.
 *
 * <p>Every call returns or throws within the client's deadline of its kind: a listing within
 * {@link TransportSettings#listingTimeout()}, a stop within
 * {@link TransportSettings#requestTimeout()}, however slowly Wolf answers.
 *
 * <p>As a {@link SessionRuntime} it lists Wolf's streaming sessions (each one's id is its
 * {@code client_id}), the lobbies that hold them, and the clients the fork's
 * {@code system/memory} says are streaming; upstream Wolf has no such list, so there every
 * session counts as attached and none is ever judged leaked.
 */
public final class WolfLobbyRuntime implements LobbyRuntime, SessionRuntime {

    private final WolfClient client;

    /**
     * A runtime over {@code client}; the client stays the caller's to close.
     *
     * @param client the client that asks Wolf
     * @throws NullPointerException if {@code client} is null
     */
    public WolfLobbyRuntime(WolfClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
        try {
            return client.listLobbies().stream().map(WolfLobbyRuntime::toLive).toList();
        } catch (WolfException e) {
            throw translate("list lobbies", e);
        } catch (IllegalArgumentException e) {
            // LiveLobby refuses a blank id: Wolf listed a lobby it cannot be asked about
            throw new LobbyRuntimeException(LobbyRuntimeException.Kind.PROTOCOL,
                    "Wolf at " + client.endpoint() + " listed a lobby without an id", e);
        }
    }

    private static LiveLobby toLive(Lobby l) {
        return new LiveLobby(l.id(), l.name(), l.pinRequired(), l.connectedSessions().size());
    }

    @Override
    public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException {
        Objects.requireNonNull(lobbyId, "lobbyId");
        Objects.requireNonNull(pin, "pin");
        try {
            client.stopLobby(lobbyId, pin);
        } catch (WolfException e) {
            throw translate("stop lobby " + lobbyId, e);
        }
    }

    /**
     * Lists sessions first, then lobbies, then clients: a session that joins a lobby or starts
     * streaming between the calls is seen attached, never loose.
     */
    @Override
    public SessionListing listSessions() throws LobbyRuntimeException {
        try {
            List<StreamSession> sessions = client.listSessions();
            Set<String> inLobbies = new HashSet<>();
            for (Lobby lobby : client.listLobbies()) {
                inLobbies.addAll(lobby.connectedSessions());
            }
            Optional<SystemMemoryReply> memory = client.systemMemory();
            Set<String> streaming = new HashSet<>();
            memory.ifPresent(m -> m.clients().forEach(c -> {
                if (c.sessionId() != null) {
                    streaming.add(c.sessionId());
                }
            }));
            return new SessionListing(sessions.stream().map(s -> new LiveSession(s.id(), s.appId())).toList(),
                    inLobbies, memory.isPresent(), streaming);
        } catch (WolfException e) {
            throw translate("list streaming sessions", e);
        } catch (IllegalArgumentException e) {
            throw new LobbyRuntimeException(LobbyRuntimeException.Kind.PROTOCOL,
                    "Wolf at " + client.endpoint() + " listed a streaming session without an id", e);
        }
    }

    @Override
    public void stopSession(String sessionId) throws LobbyRuntimeException {
        Objects.requireNonNull(sessionId, "sessionId");
        try {
            client.stopSession(sessionId);
        } catch (WolfException e) {
            throw translate("stop streaming session " + sessionId, e);
        }
    }

    /** The runtime failure for a Wolf failure; the message names the action and Wolf's text. */
    static LobbyRuntimeException translate(String action, WolfException e) {
        LobbyRuntimeException.Kind kind;
        if (e instanceof WolfUnavailableException) {
            kind = LobbyRuntimeException.Kind.UNAVAILABLE;
        } else if (e instanceof WolfApiException) {
            kind = LobbyRuntimeException.Kind.REJECTED;
        } else {
            kind = LobbyRuntimeException.Kind.PROTOCOL;
        }
        return new LobbyRuntimeException(kind, "Could not " + action + ": " + e.getMessage(), e);
    }

    @Override
    public String toString() {
        return "WolfLobbyRuntime[" + client.endpoint() + "]";
    }
}
