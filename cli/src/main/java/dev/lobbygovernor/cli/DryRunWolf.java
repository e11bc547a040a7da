package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.core.runtime.SessionListing;
import dev.lobbygovernor.core.runtime.SessionRuntime;
import dev.lobbygovernor.store.LobbyPin;
import java.util.List;
import java.util.Optional;

/**
 * Wolf as {@code cleanup --dry-run} sees it: listed, never stopped. The reaper's dry run sends
 * no stop already; this refuses one outright, and remembers whether Wolf says which clients
 * stream (without that list no streaming session is judged).
 */
final class DryRunWolf implements LobbyRuntime, SessionRuntime {

    private final LobbyRuntime lobbies;
    private final SessionRuntime sessions;
    private volatile boolean clientsKnown = true;

    <T extends LobbyRuntime & SessionRuntime> DryRunWolf(T wolf) {
        this.lobbies = wolf;
        this.sessions = wolf;
    }

    /** Whether the latest session listing said which clients stream. */
    boolean clientsKnown() {
        return clientsKnown;
    }

    @Override
    public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
        return lobbies.listLobbies();
    }

    @Override
    public SessionListing listSessions() throws LobbyRuntimeException {
        SessionListing listing = sessions.listSessions();
        clientsKnown = listing.clientsKnown();
        return listing;
    }

    @Override
    public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException {
        throw new LobbyRuntimeException(LobbyRuntimeException.Kind.REJECTED, "a dry run stops no lobby", null);
    }

    @Override
    public void stopSession(String sessionId) throws LobbyRuntimeException {
        throw new LobbyRuntimeException(LobbyRuntimeException.Kind.REJECTED, "a dry run stops no session", null);
    }
}
