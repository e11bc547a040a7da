package dev.lobbygovernor.wolf;

import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.wolf.model.App;
import dev.lobbygovernor.wolf.model.AppsReply;
import dev.lobbygovernor.wolf.model.CreateLobbyReply;
import dev.lobbygovernor.wolf.model.CreateLobbyRequest;
import dev.lobbygovernor.wolf.model.JoinLobbyRequest;
import dev.lobbygovernor.wolf.model.LeaveLobbyRequest;
import dev.lobbygovernor.wolf.model.LobbiesReply;
import dev.lobbygovernor.wolf.model.Lobby;
import dev.lobbygovernor.wolf.model.SessionsReply;
import dev.lobbygovernor.wolf.model.StopLobbyRequest;
import dev.lobbygovernor.wolf.model.StopSessionRequest;
import dev.lobbygovernor.wolf.model.StreamSession;
import dev.lobbygovernor.wolf.model.SystemHealthReply;
import dev.lobbygovernor.wolf.model.SystemMemoryReply;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * A typed client for Wolf's HTTP API.
 *
 * <pre>{@code
 * try (WolfClient wolf = WolfClient.builder().build()) {   // the socket from the environment
 *     List<Lobby> lobbies = wolf.listLobbies();
 * }
 * }</pre>
 *
 * <p>Reads (GETs) are retried with jittered backoff when Wolf cannot be reached; requests that
 * change state are sent once. Failures are typed: {@link WolfUnavailableException},
 * {@link WolfApiException} (with Wolf's own error text), {@link WolfProtocolException}.
 * Thread-safe; starts no thread (an {@link EventSubscription} starts its own when asked).
 */
public final class WolfClient implements AutoCloseable {

    static final String LOBBIES = "/api/v1/lobbies";
    static final String LOBBIES_CREATE = "/api/v1/lobbies/create";
    static final String LOBBIES_STOP = "/api/v1/lobbies/stop";
    static final String LOBBIES_JOIN = "/api/v1/lobbies/join";
    static final String LOBBIES_LEAVE = "/api/v1/lobbies/leave";
    static final String SESSIONS = "/api/v1/sessions";
    static final String SESSIONS_STOP = "/api/v1/sessions/stop";
    static final String APPS = "/api/v1/apps";
    static final String SYSTEM_MEMORY = "/api/v1/system/memory";
    static final String SYSTEM_HEALTH = "/api/v1/system/health";
    static final String EVENTS = "/api/v1/events";

    private final WolfCalls calls;

    private WolfClient(WolfCalls calls) {
        this.calls = calls;
    }

    /** A builder; without a transport choice it uses the UNIX socket from the environment. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every lobby Wolf runs now. */
    public List<Lobby> listLobbies() throws WolfException {
        return calls.get(LOBBIES, LobbiesReply.class, LobbiesReply::success).lobbies();
    }

    /**
     * Creates a lobby and returns its id. Wolf waits up to 20 s for the lobby's setup before it
     * replies. Never retried: on {@link WolfUnavailableException} the lobby may exist.
     */
    public String createLobby(CreateLobbyRequest request) throws WolfException {
        CreateLobbyReply reply = calls.post(LOBBIES_CREATE, request, CreateLobbyReply.class,
                r -> r.success() && r.lobbyId() != null && !r.lobbyId().isBlank());
        return reply.lobbyId();
    }

    /**
     * Asks Wolf to stop a lobby; never retried. Wolf answers "Invalid PIN" or "Invalid lobby
     * ID" (as {@link WolfApiException}) when refusing.
     *
     * @param pin the lobby's PIN; empty for an open lobby
     */
    public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws WolfException {
        calls.postExpectingSuccess(LOBBIES_STOP, new StopLobbyRequest(lobbyId, pin.orElse(null)));
    }

    /** Joins a Moonlight session to a lobby; never retried. */
    public void joinLobby(JoinLobbyRequest request) throws WolfException {
        calls.postExpectingSuccess(LOBBIES_JOIN, Objects.requireNonNull(request, "request"));
    }

    /** Takes a Moonlight session out of a lobby; never retried. */
    public void leaveLobby(LeaveLobbyRequest request) throws WolfException {
        calls.postExpectingSuccess(LOBBIES_LEAVE, Objects.requireNonNull(request, "request"));
    }

    /** Every streaming session. */
    public List<StreamSession> listSessions() throws WolfException {
        return calls.get(SESSIONS, SessionsReply.class, SessionsReply::success).sessions();
    }

    /** Stops a streaming session; never retried. */
    public void stopSession(String sessionId) throws WolfException {
        calls.postExpectingSuccess(SESSIONS_STOP, new StopSessionRequest(sessionId));
    }

    /** Every configured app. */
    public List<App> listApps() throws WolfException {
        return calls.get(APPS, AppsReply.class, AppsReply::success).apps();
    }

    /**
     * The helixml fork's memory and GPU report; empty when this Wolf does not serve it
     * (upstream Wolf answers 404 with an empty body).
     */
    public Optional<SystemMemoryReply> systemMemory() throws WolfException {
        return calls.getIfServed(SYSTEM_MEMORY, SystemMemoryReply.class, SystemMemoryReply::success);
    }

    /** The helixml fork's thread-health report; empty when this Wolf does not serve it. */
    public Optional<SystemHealthReply> systemHealth() throws WolfException {
        return calls.getIfServed(SYSTEM_HEALTH, SystemHealthReply.class, SystemHealthReply::success);
    }

    /**
     * A subscription to Wolf's events with the default reconnection backoff. Nothing happens
     * until {@link EventSubscription#start()}.
     */
    public EventSubscription events(WolfEventListener listener) {
        return new EventSubscription(calls.transport(), EVENTS, listener,
                EventSubscription.DEFAULT_RECONNECT);
    }

    /** A subscription to Wolf's events with the given reconnection backoff; not started. */
    public EventSubscription events(WolfEventListener listener, Backoff reconnect) {
        return new EventSubscription(calls.transport(), EVENTS, listener, reconnect);
    }

    /** Where this client sends requests, such as {@code unix:/run/wolf/wolf.sock}. */
    public String endpoint() {
        return calls.transport().endpoint();
    }

    /** Closes the transport. */
    @Override
    public void close() {
        calls.transport().close();
    }

    @Override
    public String toString() {
        return "WolfClient[" + endpoint() + "]";
    }

    /** Builds a {@link WolfClient}; validates on {@link #build()}. */
    public static final class Builder {
        private Function<TransportSettings, WolfTransport> transport;
        private TransportSettings settings = TransportSettings.DEFAULTS;
        private RetryPolicy readRetries = RetryPolicy.DEFAULT;
        private WolfCalls.Sleeper sleeper = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        /** Wolf's UNIX socket at {@code socket}. */
        public Builder unixSocket(Path socket) {
            Objects.requireNonNull(socket, "socket");
            transport = s -> new UnixSocketTransport(socket, s);
            return this;
        }

        /** Wolf's UNIX socket found as Wolf finds it, in the given environment. */
        public Builder unixSocketFromEnvironment(Function<String, String> env) {
            return unixSocket(SocketPaths.resolve(env));
        }

        /** Wolf behind a reverse proxy at {@code base}, optionally with a bearer token. */
        public Builder http(URI base, Optional<String> bearerToken) {
            HttpTransport.Builder b = HttpTransport.builder(base);
            bearerToken.ifPresent(b::bearerToken);
            transport = s -> b.settings(s).build();
            return this;
        }

        /** A transport of the host's own; {@link #settings} are then not applied to it. */
        public Builder transport(WolfTransport custom) {
            Objects.requireNonNull(custom, "transport");
            transport = s -> custom;
            return this;
        }

        /** Timeouts and the reply size cap; {@link TransportSettings#DEFAULTS} if not set. */
        public Builder settings(TransportSettings s) {
            settings = Objects.requireNonNull(s, "settings");
            return this;
        }

        /** How reads are retried; {@link RetryPolicy#DEFAULT} if not set. */
        public Builder readRetries(RetryPolicy policy) {
            readRetries = Objects.requireNonNull(policy, "policy");
            return this;
        }

        Builder sleeper(WolfCalls.Sleeper s) {
            sleeper = s;
            return this;
        }

        Builder random(DoubleSupplier r) {
            random = r;
            return this;
        }

        /** The client. */
        public WolfClient build() {
            Function<TransportSettings, WolfTransport> t = transport != null ? transport
                    : s -> new UnixSocketTransport(SocketPaths.resolve(), s);
            return new WolfClient(new WolfCalls(t.apply(settings), readRetries, sleeper, random));
        }
    }
}
