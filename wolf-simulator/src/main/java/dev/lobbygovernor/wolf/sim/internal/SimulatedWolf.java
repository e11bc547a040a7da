package dev.lobbygovernor.wolf.sim.internal;

import dev.lobbygovernor.wolf.model.App;
import dev.lobbygovernor.wolf.model.CreateLobbyRequest;
import dev.lobbygovernor.wolf.model.StreamSession;
import dev.lobbygovernor.wolf.sim.SimLobby;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated Wolf's machinery, wired together: its state, routes, event hub, request
 * counter, the listening sockets and the pool that serves connections. The public
 * {@link dev.lobbygovernor.wolf.sim.WolfSimulator} drives its lifecycle (up, crashed,
 * restarted, closed) through this class.
 */
public final class SimulatedWolf {

    /** The error a create answers when the GPU stack fails (the incident's 7th lobby). */
    public static final String GPU_STACK_FAILURE = LobbyRoutes.GPU_STACK_FAILURE;
    /** The {@code gpu_stats.error} served once NVML is broken. */
    public static final String NVML_FAILURE = SystemRoutes.NVML_FAILURE;

    private static final Logger log = LoggerFactory.getLogger(SimulatedWolf.class);
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final SimulatorSettings settings;
    private final Pairings pairings = new Pairings();
    private final WolfState state;
    private final EventHub events = new EventHub();
    private final RequestCounter counter = new RequestCounter();
    private final ExecutorService pool;
    private final SocketServer server;

    /**
     * Wires a simulated Wolf; it listens once {@link #bind()} is called.
     *
     * @param settings the validated settings
     * @param socketPath the UNIX socket to listen on
     * @param faults the faults to inject, shared with the test that sets them
     * @param crash called on the connection that answers a create which crashes Wolf
     */
    public SimulatedWolf(SimulatorSettings settings, Path socketPath, FaultPlan faults,
            Consumer<SocketChannel> crash) {
        this.settings = settings;
        this.state = new WolfState(settings, events, pairings);
        Router router = new Router();
        new LobbyRoutes(state).register(router);
        new SessionRoutes(state, settings.apps()).register(router);
        new PairingRoutes(pairings).register(router);
        if (settings.forkEndpoints()) {
            new SystemRoutes(state, settings.gpu(), settings.apps(), settings.clock()).register(router);
        }
        router.add("GET", "/api/v1/events", r -> new Reply.EventStream());
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "lobby-governor-wolfsim-conn-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ConnectionHandler handler = new ConnectionHandler(
                new RequestReader(MAX_HEADER_BYTES, settings.maxBodyBytes()), counter, faults,
                router, events, settings.keepaliveInterval(), crash);
        this.server = new SocketServer(socketPath, settings.tcp(), pool, handler);
    }

    /**
     * Binds the listeners and starts their accept threads; TCP keeps its port across binds.
     *
     * @throws IOException if a socket cannot be bound
     */
    public void bind() throws IOException {
        server.bind();
    }

    /**
     * Goes down as Wolf's container does: closes the listeners and every connection but
     * {@code spare} (event streams end), removes the socket file, and forgets every lobby and
     * session.
     *
     * @param spare the connection that must still answer, or {@code null}
     */
    public void goDown(SocketChannel spare) {
        server.unbind(spare);
        events.endAll();
        state.reset();
    }

    /**
     * The bound TCP port.
     *
     * @return the port, 0 when TCP is off
     */
    public int tcpPort() {
        return server.tcpPort();
    }

    /**
     * The lobbies running now.
     *
     * @return the lobbies, in creation order
     */
    public List<SimLobby> lobbies() {
        return state.simLobbies();
    }

    /**
     * Creates a lobby server-side; it never crashes the simulated Wolf.
     *
     * @param request the lobby to create
     * @return the new lobby's id
     */
    public String createLobby(CreateLobbyRequest request) {
        return state.create(request, false).lobbyId();
    }

    /**
     * Pairs a new Moonlight client server-side.
     *
     * @return its client id
     */
    public String pairClient() {
        return pairings.pair();
    }

    /**
     * A Moonlight client asks to pair and waits for its PIN.
     *
     * @param clientIp the client's address
     * @return the pair secret {@code /api/v1/pair/client} takes
     */
    public String requestPairing(String clientIp) {
        return pairings.requestPairing(clientIp);
    }

    /**
     * The session's client goes away while Wolf keeps the session.
     *
     * @param sessionId the session
     */
    public void abandonSession(String sessionId) {
        state.abandon(sessionId);
    }

    /**
     * Pairs a new client and starts its stream of the first configured app, with fresh AES
     * secrets, 1920x1080 at 60 Hz and stereo sound.
     *
     * @param clientIp the streaming client's address
     * @return the session's id: the new client's id
     * @throws IllegalStateException if no app is configured
     */
    public String startStream(String clientIp) {
        if (settings.apps().isEmpty()) {
            throw new IllegalStateException("no app is configured to stream");
        }
        App app = settings.apps().get(0);
        StreamSession session = new StreamSession(app.id(), pairings.pair(), clientIp, secret(16),
                secret(16), clientIp, null, 1920, 1080, 60, 2);
        try {
            return state.addSession(session);
        } catch (WolfError e) {
            throw new IllegalStateException("the simulator refused its own session: " + e.getMessage(), e);
        }
    }

    private static String secret(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    /**
     * Requests read since start.
     *
     * @return the count, across restarts
     */
    public long requestCount() {
        return counter.total();
    }

    /**
     * Requests read for one method and path.
     *
     * @param method such as {@code POST}
     * @param path such as {@code /api/v1/lobbies/stop}
     * @return the count, across restarts
     */
    public long requestCount(String method, String path) {
        return counter.count(method, path);
    }

    /**
     * Lists lobbies created from now on only {@code delay} after their creation.
     *
     * @param delay the delay; zero lists them at once
     */
    public void listingDelay(Duration delay) {
        state.listingDelay(delay);
    }

    /**
     * Makes the next {@code creates} creates keep their lobby but answer that setup timed out.
     *
     * @param creates how many
     */
    public void timeOutSetups(int creates) {
        state.timeOutSetups(creates);
    }

    /**
     * Whether Wolf's health report says it cannot create new pipelines (critical), apart from
     * NVML; until set otherwise or the next {@link #goDown}.
     *
     * @param fail true to report critical
     */
    public void failPipelines(boolean fail) {
        state.failPipelines(fail);
    }

    /**
     * A watched thread stops its heartbeat: Wolf's health report lists it stuck (degraded)
     * until {@link #unstickThreads()} or the next {@link #goDown}.
     *
     * @param name the thread's name
     */
    public void stickThread(String name) {
        state.stickThread(name);
    }

    /** Every stuck thread beats again. */
    public void unstickThreads() {
        state.unstickThreads();
    }

    /** Breaks NVML until the next {@link #goDown}. */
    public void breakNvml() {
        state.breakNvml();
    }

    /**
     * Whether NVML is broken.
     *
     * @return true once broken, by lobby count or {@link #breakNvml()}
     */
    public boolean nvmlBroken() {
        return state.nvmlBroken();
    }

    /** Stops the connection threads, waiting up to 2 s. */
    public void shutdown() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
                log.atWarn().log("Wolf simulator threads did not stop within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
