package dev.lobbygovernor.testing;

import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LiveSession;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.core.runtime.SessionListing;
import dev.lobbygovernor.core.runtime.SessionRuntime;
import dev.lobbygovernor.store.LobbyPin;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A streaming server with lobbies (a {@link FakeLobbyRuntime}) and streaming sessions, whose
 * session calls can be scripted to fail: a listing by call number, a stop by session id, or a
 * stop that is acknowledged and ignored. Single-threaded tests only: it does not lock.
 */
public final class FakeSessionRuntime implements LobbyRuntime, SessionRuntime {

    /** The lobbies, with their own switchable faults. */
    public final FakeLobbyRuntime lobbies = new FakeLobbyRuntime();
    /** Every session listed, in the server's order; a duplicate id is one client's second stream. */
    public final List<LiveSession> sessions = new ArrayList<>();
    /** Ids of sessions a running lobby lists as connected. */
    public final Set<String> inLobbies = new HashSet<>();
    /** Ids of sessions whose client streams. */
    public final Set<String> streaming = new HashSet<>();
    /** Whether the server gives a client list at all. */
    public boolean clientsKnown = true;
    /** Sessions whose stop is answered with success and ignored. */
    public final Set<String> ignoreStops = new HashSet<>();
    /** Sessions whose stop is refused with this failure (the session keeps running). */
    public final Map<String, Exception> stopFailures = new HashMap<>();
    /** Failures for the next listings, one per call, taken in order; {@code null} lists normally. */
    public final Deque<Exception> listFailures = new ArrayDeque<>();
    /** How many of the next listings answer null, as a broken runtime might. */
    public int nullListings;
    /** Runs just before each stop is carried out: a test changes the server in between. */
    public Runnable beforeStop = () -> { };
    /** Runs after each successful listing is taken: a test changes the server in between. */
    public Runnable afterList = () -> { };
    /** Every session id a stop was sent for, in order. */
    public final List<String> stopsSent = new ArrayList<>();
    private int listCalls;

    /** Adds a session, loose unless the test also attaches it. */
    public FakeSessionRuntime run(String sessionId, String appId) {
        sessions.add(new LiveSession(sessionId, appId));
        return this;
    }

    /** How many session listings were asked for. */
    public int listCalls() {
        return listCalls;
    }

    /** Whether a session of this id is still listed. */
    public boolean isRunning(String sessionId) {
        return sessions.stream().anyMatch(s -> s.id().equals(sessionId));
    }

    @Override
    public SessionListing listSessions() throws LobbyRuntimeException {
        listCalls++;
        Exception failure = listFailures.isEmpty() ? null : listFailures.poll();
        throwIfSet(failure);
        if (nullListings > 0) {
            nullListings--;
            return null;
        }
        SessionListing out = new SessionListing(sessions, inLobbies, clientsKnown, streaming);
        afterList.run();
        return out;
    }

    @Override
    public void stopSession(String sessionId) throws LobbyRuntimeException {
        stopsSent.add(sessionId);
        beforeStop.run();
        throwIfSet(stopFailures.get(sessionId));
        if (!ignoreStops.contains(sessionId)) {
            sessions.removeIf(s -> s.id().equals(sessionId));
        }
    }

    @Override
    public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
        return lobbies.listLobbies();
    }

    @Override
    public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException {
        lobbies.stopLobby(lobbyId, pin);
    }

    private static void throwIfSet(Exception failure) throws LobbyRuntimeException {
        if (failure instanceof LobbyRuntimeException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
    }
}
