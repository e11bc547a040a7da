package dev.lobbygovernor.testing;

import dev.lobbygovernor.core.admission.LobbyCredentials;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.LobbyPin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory {@link LobbyRuntime} with Wolf's PIN rule and switchable faults: unreachable,
 * "says stopped but keeps running", and a restart that loses every lobby.
 */
public final class FakeLobbyRuntime implements LobbyRuntime {

    private final Map<String, Optional<LobbyPin>> lobbies = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();
    private final Map<String, Integer> clients = new ConcurrentHashMap<>();
    private volatile boolean unreachable;
    private volatile boolean ignoreStops;
    private volatile LobbyRuntimeException failAfterStopping;
    private final AtomicInteger listCalls = new AtomicInteger();
    private final AtomicInteger stopCalls = new AtomicInteger();

    /** Starts a lobby as the streaming server would (a leaked one, if nobody records it). */
    public void start(String lobbyId, LobbyPin pinOrNull) {
        lobbies.put(lobbyId, Optional.ofNullable(pinOrNull));
    }

    /**
     * Creates a lobby as the streaming server would for a permit: with the permit's name and PIN.
     *
     * @return {@code lobbyId}, as a create call returns it
     */
    public String create(String lobbyId, LobbyCredentials credentials) {
        names.put(lobbyId, credentials.lobbyName());
        lobbies.put(lobbyId, credentials.optionalPin());
        return lobbyId;
    }

    /** How many streaming clients the listing shows connected to a lobby (default 0). */
    public void setClients(String lobbyId, int connected) {
        clients.put(lobbyId, connected);
    }

    /** The lobby disappears server-side (crash, user stop, restart). */
    public void vanish(String lobbyId) {
        lobbies.remove(lobbyId);
    }

    /** A server restart: every lobby is gone. */
    public void restart() {
        lobbies.clear();
    }

    public void setUnreachable(boolean unreachable) {
        this.unreachable = unreachable;
    }

    /** When set, stop answers success but the lobby keeps running. */
    public void setIgnoreStops(boolean ignoreStops) {
        this.ignoreStops = ignoreStops;
    }

    /**
     * When set, stop performs (the lobby goes) and then answers {@code failure}, as a server
     * whose reply is lost after it acted; {@code null} clears it.
     */
    public void setFailAfterStopping(LobbyRuntimeException failure) {
        this.failAfterStopping = failure;
    }

    public boolean isRunning(String lobbyId) {
        return lobbies.containsKey(lobbyId);
    }

    public int size() {
        return lobbies.size();
    }

    public int listCalls() {
        return listCalls.get();
    }

    public int stopCalls() {
        return stopCalls.get();
    }

    @Override
    public List<LiveLobby> listLobbies() throws LobbyRuntimeException {
        listCalls.incrementAndGet();
        if (unreachable) {
            throw new LobbyRuntimeException(LobbyRuntimeException.Kind.UNAVAILABLE, "fake runtime unreachable");
        }
        List<LiveLobby> out = new ArrayList<>();
        lobbies.forEach((id, pin) -> out.add(new LiveLobby(id, names.getOrDefault(id, "lobby " + id), pin.isPresent(), clients.getOrDefault(id, 0))));
        return out;
    }

    @Override
    public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws LobbyRuntimeException {
        stopCalls.incrementAndGet();
        if (unreachable) {
            throw new LobbyRuntimeException(LobbyRuntimeException.Kind.UNAVAILABLE, "fake runtime unreachable");
        }
        Optional<LobbyPin> stored = lobbies.get(lobbyId);
        if (stored == null) {
            throw new LobbyRuntimeException(LobbyRuntimeException.Kind.REJECTED, "Invalid lobby ID");
        }
        if (!stored.equals(pin)) {
            throw new LobbyRuntimeException(LobbyRuntimeException.Kind.REJECTED, "Invalid PIN");
        }
        if (!ignoreStops) {
            lobbies.remove(lobbyId);
        }
        LobbyRuntimeException failure = failAfterStopping;
        if (failure != null) {
            throw failure;
        }
    }
}
