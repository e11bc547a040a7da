package dev.lobbygovernor.wolf;

import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.wolf.internal.Backoff;
import dev.lobbygovernor.wolf.internal.EventStreamLoop;
import dev.lobbygovernor.wolf.internal.HttpTransport;
import dev.lobbygovernor.wolf.internal.UnixSocketTransport;
import dev.lobbygovernor.wolf.internal.WolfCalls;
import dev.lobbygovernor.wolf.internal.WolfTransport;
import dev.lobbygovernor.wolf.model.App;
import dev.lobbygovernor.wolf.model.AppsReply;
import dev.lobbygovernor.wolf.model.CreateLobbyReply;
import dev.lobbygovernor.core.admission.LobbyCredentials;
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
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

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
 * change state are sent once. Every call has a deadline as a whole, retries included: a read
 * {@link TransportSettings#listingTimeout()}, a call that changes state
 * {@link TransportSettings#requestTimeout()}. Failures are typed:
 * {@link WolfUnavailableException}, {@link WolfApiException} (with Wolf's own error text),
 * {@link WolfProtocolException}.
 *
 * <p>Thread-safe. Its threads are its own and end with {@link #close()}: over the UNIX socket,
 * one timer thread that keeps the deadlines (started by the first call, gone after 30 s without
 * one); an {@link EventSubscription}'s thread once started.
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
    private final Set<EventSubscription> subscriptions = ConcurrentHashMap.newKeySet();

    private WolfClient(WolfCalls calls) {
        this.calls = calls;
    }

    /**
     * A builder; without a transport choice it uses the UNIX socket from the environment.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every lobby Wolf runs now.
     *
     * @return the lobbies, in Wolf's order
     * @throws WolfException if Wolf cannot be reached, refuses, or answers nonsense
     */
    public List<Lobby> listLobbies() throws WolfException {
        return calls.get(LOBBIES, LobbiesReply.class, LobbiesReply::success).lobbies();
    }

    /**
     * Creates a lobby named and protected as a governor's permit says, for
     * {@code permit.create(c -> wolf.createLobby(lobby, c))}: the permit's unique name (by which
     * cleanup finds the lobby if its commit never happens) and the PIN stored before the lobby
     * exists replace those of {@code request}. Where the host places lobbies per GPU, the
     * permit's render node replaces both of {@code request}'s ({@code wayland_render_node} and
     * {@code runner_render_node}), so the lobby runs and encodes on the GPU it was counted on.
     *
     * @param request what to create, but for its name, PIN and, where the permit names one, its
     *     render node
     * @param credentials from {@code Permit.create} or {@code Permit.beginCreate()}
     * @return the new lobby's id
     * @throws WolfException as {@link #createLobby(CreateLobbyRequest)}
     */
    public String createLobby(CreateLobbyRequest request, LobbyCredentials credentials) throws WolfException {
        Objects.requireNonNull(credentials, "credentials");
        CreateLobbyRequest.Builder named = request.toBuilder().name(credentials.lobbyName()).pin(credentials.pin());
        credentials.optionalRenderNode()
                .ifPresent(node -> named.videoSettings(request.videoSettings().onRenderNode(node)));
        return createLobby(named.build());
    }

    /**
     * Creates a lobby and returns its id. Wolf waits up to 20 s for the lobby's setup before it
     * replies. Never retried: on {@link WolfUnavailableException} the lobby may exist.
     *
     * @param request what to create
     * @return the new lobby's id
     * @throws WolfException if Wolf cannot be reached, refuses ("Lobby setup timed out" leaves
     *     the lobby running), or answers nonsense
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
     * @param lobbyId the lobby's id
     * @param pin the lobby's PIN; empty for an open lobby
     * @throws WolfException if Wolf cannot be reached, refuses, or answers nonsense
     */
    public void stopLobby(String lobbyId, Optional<LobbyPin> pin) throws WolfException {
        calls.postExpectingSuccess(LOBBIES_STOP, new StopLobbyRequest(lobbyId, pin.orElse(null)));
    }

    /**
     * Joins a Moonlight session to a lobby; never retried.
     *
     * @param request the lobby, the session and the lobby's PIN if it has one
     * @throws WolfException if Wolf cannot be reached, refuses, or answers nonsense
     */
    public void joinLobby(JoinLobbyRequest request) throws WolfException {
        calls.postExpectingSuccess(LOBBIES_JOIN, Objects.requireNonNull(request, "request"));
    }

    /**
     * Takes a Moonlight session out of a lobby; never retried.
     *
     * @param request the lobby and the session
     * @throws WolfException if Wolf cannot be reached, refuses, or answers nonsense
     */
    public void leaveLobby(LeaveLobbyRequest request) throws WolfException {
        calls.postExpectingSuccess(LOBBIES_LEAVE, Objects.requireNonNull(request, "request"));
    }

    /**
     * Every streaming session. Each one's id is its {@code client_id} ({@link StreamSession#id()}),
     * the value {@link #stopSession(String)} and a lobby's connected sessions use.
     *
     * @return the sessions, in Wolf's order
     * @throws WolfException if Wolf cannot be reached, refuses, or answers nonsense
     */
    public List<StreamSession> listSessions() throws WolfException {
        return calls.get(SESSIONS, SessionsReply.class, SessionsReply::success).sessions();
    }

    /**
     * Stops a streaming session; never retried.
     *
     * @param sessionId the session's id: {@link StreamSession#id()}, the {@code client_id} Wolf
     *     lists (an unsigned 64-bit number as a string)
     * @throws WolfException if Wolf cannot be reached, refuses (HTTP 500 "Invalid session_id"
     *     for a session it does not run), or answers nonsense
     */
    public void stopSession(String sessionId) throws WolfException {
        calls.postExpectingSuccess(SESSIONS_STOP, new StopSessionRequest(sessionId));
    }

    /**
     * Every configured app.
     *
     * @return the apps, in Wolf's order
     * @throws WolfException if Wolf cannot be reached, refuses, or answers nonsense
     */
    public List<App> listApps() throws WolfException {
        return calls.get(APPS, AppsReply.class, AppsReply::success).apps();
    }

    /**
     * The helixml fork's memory and GPU report.
     *
     * @return the report; empty when this Wolf does not serve it (upstream Wolf answers 404
     *     with an empty body)
     * @throws WolfException if Wolf cannot be reached, refuses, or answers nonsense
     */
    public Optional<SystemMemoryReply> systemMemory() throws WolfException {
        return calls.getIfServed(SYSTEM_MEMORY, SystemMemoryReply.class, SystemMemoryReply::success);
    }

    /**
     * The helixml fork's thread-health report.
     *
     * @return the report; empty when this Wolf does not serve it
     * @throws WolfException if Wolf cannot be reached, refuses, or answers nonsense
     */
    public Optional<SystemHealthReply> systemHealth() throws WolfException {
        return calls.getIfServed(SYSTEM_HEALTH, SystemHealthReply.class, SystemHealthReply::success);
    }

    /**
     * A subscription to Wolf's events with the default reconnection backoff. Nothing happens
     * until {@link EventSubscription#start()}.
     *
     * @param listener receives the events, on the subscription's thread
     * @return the subscription, not started
     */
    public EventSubscription events(WolfEventListener listener) {
        return events(listener, EventSubscription.DEFAULT_INITIAL_RECONNECT,
                EventSubscription.DEFAULT_MAX_RECONNECT);
    }

    /**
     * A subscription to Wolf's events that reconnects after a jittered wait whose ceiling
     * starts at {@code initialReconnect} and doubles up to {@code maxReconnect}; not started.
     *
     * @param listener receives the events, on the subscription's thread
     * @param initialReconnect the ceiling of the first wait before reconnecting
     * @param maxReconnect the ceiling of any wait before reconnecting
     * @return the subscription, not started
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException unless {@code 0 < initialReconnect <= maxReconnect}
     */
    public EventSubscription events(WolfEventListener listener, Duration initialReconnect,
            Duration maxReconnect) {
        Objects.requireNonNull(listener, "listener");
        EventStreamLoop loop = new EventStreamLoop(calls.transport(), EVENTS, listener,
                new Backoff(initialReconnect, maxReconnect));
        EventSubscription subscription = new EventSubscription(loop, subscriptions::remove);
        subscriptions.add(subscription);
        return subscription;
    }

    /**
     * Where this client sends requests.
     *
     * @return such as {@code unix:/run/wolf/wolf.sock}
     */
    public String endpoint() {
        return calls.transport().endpoint();
    }

    /**
     * Closes the event subscriptions made by this client and the transport: calls in progress
     * fail, later calls throw {@link IllegalStateException}, and the client's threads end.
     * Idempotent.
     */
    @Override
    public void close() {
        for (EventSubscription s : subscriptions) {
            s.close();
        }
        calls.transport().close();
    }

    /**
     * The endpoint, for logs.
     *
     * @return such as {@code WolfClient[unix:/run/wolf/wolf.sock]}
     */
    @Override
    public String toString() {
        return "WolfClient[" + endpoint() + "]";
    }

    /** Builds a {@link WolfClient}; each setter rejects a bad value at once. */
    public static final class Builder {
        private Function<TransportSettings, WolfTransport> transport;
        private HttpTransport.Builder http;
        private SSLContext sslContext;
        private TransportSettings settings = TransportSettings.defaults();
        private RetryPolicy readRetries = RetryPolicy.defaults();
        private WolfCalls.Sleeper sleeper = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {
        }

        /**
         * Talks to Wolf's UNIX socket at {@code socket}.
         *
         * @param socket the socket path
         * @return this builder
         * @throws NullPointerException if {@code socket} is null
         */
        public Builder unixSocket(Path socket) {
            Objects.requireNonNull(socket, "socket");
            transport = s -> new UnixSocketTransport(socket, s);
            http = null;
            return this;
        }

        /**
         * Talks to Wolf's UNIX socket found as Wolf finds it (see {@link SocketPaths}).
         *
         * @param env looks a variable up; returns {@code null} when unset
         * @return this builder
         * @throws NullPointerException if {@code env} is null
         */
        public Builder unixSocketFromEnvironment(Function<String, String> env) {
            return unixSocket(SocketPaths.resolve(Objects.requireNonNull(env, "env")));
        }

        /**
         * Talks to Wolf behind a reverse proxy, over HTTP or HTTPS.
         *
         * @param base such as {@code https://wolf.example.com} or {@code https://proxy/wolf} (API
         *     paths are appended to the base path)
         * @param bearerToken sent as {@code Authorization: Bearer <token>} when present
         * @return this builder
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if {@code base} is not an http(s) URI with a host, or
         *     the token is blank or not printable ASCII (the message never shows the token)
         */
        public Builder http(URI base, Optional<String> bearerToken) {
            Objects.requireNonNull(bearerToken, "bearerToken");
            HttpTransport.Builder b = HttpTransport.builder(base);
            bearerToken.ifPresent(b::bearerToken);
            http = b;
            transport = null;
            return this;
        }

        /**
         * Sets the TLS context for {@link #http}; the JDK's default if not set.
         *
         * @param context the context for {@code https} connections
         * @return this builder
         * @throws NullPointerException if {@code context} is null
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "sslContext");
            return this;
        }

        /** A transport of a test's own; {@link #settings} are not applied to it. */
        Builder transport(WolfTransport custom) {
            Objects.requireNonNull(custom, "transport");
            transport = s -> custom;
            http = null;
            return this;
        }

        /**
         * Sets timeouts and the reply size cap; {@link TransportSettings#defaults()} if not set.
         *
         * @param s the settings
         * @return this builder
         * @throws NullPointerException if {@code s} is null
         */
        public Builder settings(TransportSettings s) {
            settings = Objects.requireNonNull(s, "settings");
            return this;
        }

        /**
         * Sets how reads are retried; {@link RetryPolicy#defaults()} if not set.
         *
         * @param policy the policy; {@link RetryPolicy#none()} for no retry
         * @return this builder
         * @throws NullPointerException if {@code policy} is null
         */
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

        /**
         * The client. It starts no thread until its first call.
         *
         * @return a new client
         * @throws IllegalStateException if an SSL context was set for a UNIX socket
         */
        public WolfClient build() {
            WolfTransport t;
            if (http != null) {
                if (sslContext != null) {
                    http.sslContext(sslContext);
                }
                t = http.settings(settings).build();
            } else if (sslContext != null) {
                throw new IllegalStateException("an SSL context applies to http() only, not to"
                        + " Wolf's UNIX socket");
            } else if (transport != null) {
                t = transport.apply(settings);
            } else {
                t = new UnixSocketTransport(SocketPaths.resolve(), settings);
            }
            return new WolfClient(new WolfCalls(t, settings, readRetries, sleeper, random));
        }
    }
}
