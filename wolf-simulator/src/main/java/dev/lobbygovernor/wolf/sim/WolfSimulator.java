package dev.lobbygovernor.wolf.sim;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.wolf.model.App;
import dev.lobbygovernor.wolf.model.CreateLobbyRequest;
import dev.lobbygovernor.wolf.model.Runner;
import dev.lobbygovernor.wolf.sim.internal.FaultPlan;
import dev.lobbygovernor.wolf.sim.internal.SimNvml;
import dev.lobbygovernor.wolf.sim.internal.SimulatedWolf;
import dev.lobbygovernor.wolf.sim.internal.SimulatorSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Wolf-compatible server for tests, in the spirit of a mock web server: a real UNIX socket
 * (optionally TCP on 127.0.0.1) speaking Wolf's HTTP/1.0 dialect, lobbies, streaming sessions and
 * paired clients kept in memory, a {@link GpuModel} behind the helixml fork's
 * {@code /api/v1/system/*} endpoints, and fault injection. Sessions are listed as Wolf lists
 * them, with {@code client_id} as their id; the package documentation lists what the simulator
 * does differently from Wolf.
 *
 * <pre>{@code
 * try (WolfSimulator sim = WolfSimulator.builder()
 *         .gpu(GpuModel.rtx2000Ada()).nvmlBreaksAt(6).gpuStackFailsAt(7).start(tempDir)) {
 *     WolfClient client = ... sim.socketPath() ...;
 *     sim.faults().latency(Duration.ofMillis(200));
 *     sim.restart();               // every lobby is lost, as when Wolf restarts
 * }
 * }</pre>
 *
 * <p><b>Crash.</b> When a create reaches {@code gpuStackFailsAt}, the simulator answers that
 * request 500 with {@link #GPU_STACK_FAILURE}, then behaves as the incident's Wolf container
 * that exited: every lobby and session is lost, open connections close, and the socket file is
 * removed, so clients get "connection refused / no such socket" until {@link #restart()}.
 *
 * <p><b>Threads.</b> {@code start} creates one accept thread per listener and a pool for
 * connections, all daemon threads named {@code lobby-governor-wolfsim-*}; {@link #close()}
 * stops them. The PIN of a lobby never appears in the simulator's logs, replies or events.
 */
public final class WolfSimulator implements AutoCloseable {

    /** The socket's file name inside the directory given to {@code start}. */
    public static final String SOCKET_FILE_NAME = "wolf.sock";
    /** The UUID of the one GPU of a host built without {@link Builder#gpus(List)}. */
    public static final String SINGLE_GPU_UUID = "GPU-00000000-0000-4000-8000-000000000128";
    /** The error a create answers when the GPU stack fails (the incident's 7th lobby). */
    public static final String GPU_STACK_FAILURE = SimulatedWolf.GPU_STACK_FAILURE;
    /** The {@code gpu_stats.error} served once NVML is broken. */
    public static final String NVML_FAILURE = SimulatedWolf.NVML_FAILURE;

    private static final Logger log = LoggerFactory.getLogger(WolfSimulator.class);

    private final Path socketPath;
    private final FaultPlan faultPlan = new FaultPlan();
    private final Faults faults = new Faults(faultPlan);
    private final SimulatedWolf wolf;
    private boolean up;
    private boolean closed;
    private int restarts;

    private final SimNvml nvml;
    private final List<SimGpu> gpus;

    private WolfSimulator(SimulatorSettings settings, Path socketPath, List<SimGpu> gpus) {
        this.socketPath = socketPath;
        this.wolf = new SimulatedWolf(settings, socketPath, faultPlan, this::crash);
        this.gpus = List.copyOf(gpus);
        this.nvml = new SimNvml(gpus, wolf::lobbies, settings.clock());
    }

    /**
     * The host's GPUs, in NVML index order: those given to {@link Builder#gpus(List)}, else
     * one, the {@link Builder#gpu(GpuModel)} card on {@code /dev/dri/renderD128}.
     *
     * @return the GPUs
     */
    public List<SimGpu> gpus() {
        return gpus;
    }

    /**
     * What NVML reads on this host: one device per GPU, by UUID, loaded by the lobbies created
     * on its render node. Give it to a health monitor as the host's GPU probe.
     *
     * @return the probe; closing it does nothing
     */
    public GpuProbe gpuProbe() {
        return nvml;
    }

    /**
     * The GPU drops out of NVML's readings, as a card that fell off the bus does; its lobbies
     * keep running as far as Wolf says.
     *
     * @param uuid the GPU's UUID
     */
    public void gpuFallsOffTheBus(String uuid) {
        nvml.fallOffTheBus(uuid);
    }

    /**
     * The GPU reports Xid {@code xid} in its readings from now on.
     *
     * @param uuid the GPU's UUID
     * @param xid the Xid, such as 79 (fallen off the bus) or 119 (GSP timeout)
     */
    public void gpuFault(String uuid, int xid) {
        nvml.fault(uuid, xid);
    }

    /**
     * The GPU reads again, clear of faults.
     *
     * @param uuid the GPU's UUID
     */
    public void gpuRecovers(String uuid) {
        nvml.recover(uuid);
    }

    /**
     * A builder with the defaults of {@link Builder}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    static WolfSimulator start(SimulatorSettings settings, Path socketPath, List<SimGpu> gpus) throws IOException {
        WolfSimulator sim = new WolfSimulator(settings, socketPath, gpus);
        try {
            sim.bind();
        } catch (IOException | RuntimeException e) {
            sim.close();
            throw e;
        }
        return sim;
    }

    private synchronized void bind() throws IOException {
        wolf.bind();
        up = true;
        log.atInfo().addKeyValue("socket", socketPath).log("Wolf simulator listening");
    }

    /**
     * The UNIX socket the simulator listens on.
     *
     * @return its path: {@code wolf.sock} in the directory given to {@code start}
     */
    public Path socketPath() {
        return socketPath;
    }

    /**
     * The TCP address on 127.0.0.1.
     *
     * @return the address when built with {@link Builder#tcp()}; else empty
     */
    public Optional<InetSocketAddress> tcpAddress() {
        int port = wolf.tcpPort();
        return port == 0 ? Optional.empty()
                : Optional.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /**
     * The lobbies running now.
     *
     * @return the lobbies, in creation order
     */
    public List<SimLobby> lobbies() {
        return wolf.lobbies();
    }

    /**
     * Creates a lobby server-side, as if another client had: a "leaked" lobby no store knows.
     * It counts towards the GPU model (and may break NVML) but never crashes the server, and
     * publishes the usual create event.
     *
     * @param name its display name
     * @param pin its PIN, empty for an open lobby
     * @return the new lobby's id
     */
    public String createLeakedLobby(String name, Optional<LobbyPin> pin) {
        Objects.requireNonNull(pin, "pin");
        CreateLobbyRequest request = CreateLobbyRequest.builder().profileId("leaked-profile")
                .name(name).runner(new Runner.Process("sleep infinity"))
                .runnerStateFolder("/tmp/leaked").pin(pin.orElse(null)).build();
        return wolf.createLobby(request);
    }

    /**
     * Starts a Moonlight stream server-side, as a client pairing and starting a stream would, so
     * tests can join it to a lobby or stop it: a newly paired client streams the first
     * configured app, and Wolf lists the session with that client's id as {@code client_id}.
     *
     * @param clientIp the streaming client's address
     * @return the session's id (the client's id: unsigned 64-bit, as a decimal string), which
     *     {@code GET /api/v1/sessions} lists as {@code client_id}
     * @throws NullPointerException if {@code clientIp} is null
     * @throws IllegalStateException if no app is configured
     */
    public String createSession(String clientIp) {
        return wolf.startStream(Objects.requireNonNull(clientIp, "clientIp"));
    }

    /**
     * The session's Moonlight client goes away without ending its stream, as a closed browser
     * tab may leave it: Wolf still lists the session at {@code GET /api/v1/sessions}, but no
     * lobby lists it and {@code system/memory} lists no client streaming it. This is the leaked
     * session that session cleanup stops.
     *
     * @param sessionId the session's id, as {@link #createSession(String)} returned it
     * @throws IllegalArgumentException if no such session runs
     */
    public void abandonSession(String sessionId) {
        wolf.abandonSession(Objects.requireNonNull(sessionId, "sessionId"));
    }

    /**
     * Pairs a new Moonlight client server-side, as a finished pairing would. Paired clients are
     * listed by {@code GET /api/v1/clients}, may add sessions through
     * {@code POST /api/v1/sessions/add}, and survive {@link #restart()}, as Wolf keeps them in
     * its config file.
     *
     * @return the client's id (unsigned 64-bit, as a decimal string)
     */
    public String pairClient() {
        return wolf.pairClient();
    }

    /**
     * A Moonlight client asks to pair: {@code GET /api/v1/pair/pending} lists it until
     * {@code POST /api/v1/pair/client} hands it a PIN under this secret (the simulator pairs it
     * then, whatever the PIN) or the simulator restarts.
     *
     * @param clientIp the client's address
     * @return the pair secret
     * @throws NullPointerException if {@code clientIp} is null
     */
    public String requestPairing(String clientIp) {
        return wolf.requestPairing(Objects.requireNonNull(clientIp, "clientIp"));
    }

    /**
     * Requests read since start.
     *
     * @return the count across restarts, refused malformed requests excluded
     */
    public long requestCount() {
        return wolf.requestCount();
    }

    /**
     * Requests read for one method and path.
     *
     * @param method such as {@code POST}
     * @param path such as {@code /api/v1/lobbies/stop}
     * @return the count across restarts
     */
    public long requestCount(String method, String path) {
        return wolf.requestCount(method, path);
    }

    /**
     * The fault injection of this simulator.
     *
     * @return its faults, to set and clear
     */
    public Faults faults() {
        return faults;
    }

    /**
     * Lists lobbies created from now on only {@code delay} after their creation, as a Wolf whose
     * listing lags behind its creates would; lobbies already listed stay listed. Until then
     * they exist (a stop with their id and PIN works) but {@code GET /api/v1/lobbies} leaves
     * them out.
     *
     * @param delay zero to list new lobbies at once (the default)
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public void listNewLobbiesAfter(Duration delay) {
        if (Objects.requireNonNull(delay, "delay").isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        wolf.listingDelay(delay);
    }

    /**
     * Makes the next {@code creates} lobby creates behave as Wolf's do when setup outlasts its
     * 20 s wait: the lobby is added and stays, and the reply is
     * {@code 500 {"error":"Lobby setup timed out"}} (sent at once, not after 20 s).
     *
     * @param creates how many creates time out; 0 clears
     * @throws IllegalArgumentException if {@code creates} is negative
     */
    public void timeOutNextSetups(int creates) {
        if (creates < 0) {
            throw new IllegalArgumentException("creates must not be negative");
        }
        wolf.timeOutSetups(creates);
    }

    /**
     * Makes the fork's {@code system/health} report that Wolf cannot create new pipelines
     * ({@code can_create_new_pipelines:false}, {@code overall_status:"critical"}), whatever NVML
     * does, as a Wolf whose GStreamer stack wedged would; lobbies and GPU stats are unchanged.
     * {@link #healthRecovers()} or a {@link #restart()} heals it. Upstream mode
     * ({@link Builder#withoutForkEndpoints()}) still answers 404.
     */
    public void failPipelines() {
        wolf.failPipelines(true);
    }

    /**
     * One of Wolf's watched threads stops its heartbeat: {@code system/health} lists it with
     * {@code is_stuck:true} and reports {@code overall_status:"degraded"} (while pipelines can
     * still be created). {@link #healthRecovers()} or a {@link #restart()} heals it.
     *
     * @param threadName the thread's name, as Wolf would list it
     * @throws NullPointerException if {@code threadName} is null
     */
    public void stickThread(String threadName) {
        wolf.stickThread(Objects.requireNonNull(threadName, "threadName"));
    }

    /**
     * Wolf's own health recovers: pipelines can be created again (unless NVML is broken) and
     * every stuck thread beats again.
     */
    public void healthRecovers() {
        wolf.failPipelines(false);
        wolf.unstickThreads();
    }

    /** Breaks NVML now, whatever the lobby count; a {@link #restart()} heals it. */
    public void breakNvml() {
        wolf.breakNvml();
    }

    /**
     * Whether NVML is broken now.
     *
     * @return true once broken by lobby count or {@link #breakNvml()}, until a restart
     */
    public boolean nvmlBroken() {
        return wolf.nvmlBroken();
    }

    /**
     * Whether the simulated Wolf is serving.
     *
     * @return false after a GPU-stack crash until {@link #restart()}
     */
    public synchronized boolean isUp() {
        return up;
    }

    /**
     * How many times {@link #restart()} ran.
     *
     * @return the count
     */
    public synchronized int restarts() {
        return restarts;
    }

    /**
     * Restarts the simulated Wolf: closes the socket and every open connection (event streams
     * included), loses every lobby, session and client waiting to pair (paired clients stay, as
     * Wolf keeps them in its config file), heals NVML, and listens again on the same
     * socket path (and TCP port). Also brings a crashed simulator back.
     *
     * @throws UncheckedIOException if the socket cannot be bound again
     */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("simulator is closed");
        }
        goDown();
        restarts++;
        try {
            bind();
        } catch (IOException e) {
            throw new UncheckedIOException("Wolf simulator could not listen again", e);
        }
    }

    private synchronized void crash(SocketChannel answering) {
        if (!up || !answering.isOpen()) {
            // a restart or close got here first and already took this connection down
            return;
        }
        log.atWarn().addKeyValue("socket", socketPath)
                .log("Wolf simulator crashed: the GPU stack failed; restart() brings it back");
        goDown(answering);
    }

    private void goDown() {
        goDown(null);
    }

    private void goDown(SocketChannel spare) {
        wolf.goDown(spare);
        up = false;
    }

    /** Stops listening, closes every connection and stops the simulator's threads. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        faults.clear();
        goDown();
        wolf.shutdown();
    }

    /**
     * Configures and starts a {@link WolfSimulator}; get one from {@link WolfSimulator#builder()}.
     * Every setter validates its argument at once; defaults are the named constants below.
     */
    public static final class Builder {

        /** Wolf's interval between {@code :keepalive} comments on an idle event stream. */
        public static final Duration DEFAULT_KEEPALIVE_INTERVAL = Duration.ofSeconds(15);
        /** The simulator's largest accepted request body (1 MiB); larger ones get 413. */
        public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
        /** The app {@code GET /api/v1/apps} lists unless {@link #apps(List)} says otherwise. */
        public static final App DEFAULT_APP = new App("desktop", "Desktop", false, null,
                "/dev/dri/renderD128", true, true, new Runner.Process("/usr/bin/startxfce4"));

        private GpuModel gpu = GpuModel.rtx2000Ada();
        private List<SimGpu> gpus = List.of();
        private int nvmlBreaksAt;
        private int gpuStackFailsAt;
        private boolean forkEndpoints = true;
        private boolean tcp;
        private Duration keepaliveInterval = DEFAULT_KEEPALIVE_INTERVAL;
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private List<App> apps = List.of(DEFAULT_APP);
        private Clock clock = Clock.systemUTC();

        Builder() {
        }

        /**
         * Sets the simulated GPU; default {@link GpuModel#rtx2000Ada()}.
         *
         * @param model the GPU model
         * @return this builder
         * @throws NullPointerException if {@code model} is null
         */
        public Builder gpu(GpuModel model) {
            this.gpu = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Makes the host one with several GPUs, each with its render node and UUID; lobbies
         * count on the GPU whose render node their create request names. Default: one GPU, the
         * {@link #gpu(GpuModel)} card on {@code /dev/dri/renderD128}.
         *
         * @param list the GPUs, in NVML index order; not empty, no render node or UUID twice
         * @return this builder
         * @throws IllegalArgumentException if the list is empty or names a render node or UUID
         *     twice
         * @throws NullPointerException if {@code list} is null
         */
        public Builder gpus(List<SimGpu> list) {
            List<SimGpu> copy = List.copyOf(list);
            if (copy.isEmpty()) {
                throw new IllegalArgumentException("a host has at least one GPU");
            }
            if (copy.stream().map(SimGpu::renderNode).distinct().count() != copy.size()
                    || copy.stream().map(SimGpu::uuid).distinct().count() != copy.size()) {
                throw new IllegalArgumentException("no render node or GPU UUID may appear twice");
            }
            this.gpus = copy;
            return this;
        }

        /**
         * NVML breaks once {@code lobbies} lobbies run: {@code gpu_stats} turns
         * {@code available:false} with "nvidia-smi exited with code 255" and stays so until
         * {@link WolfSimulator#restart()}. Default: never.
         *
         * @param lobbies the lobby count at which NVML breaks
         * @return this builder
         * @throws IllegalArgumentException if {@code lobbies} is not positive
         */
        public Builder nvmlBreaksAt(int lobbies) {
            this.nvmlBreaksAt = positive(lobbies, "nvmlBreaksAt");
            return this;
        }

        /**
         * Creating the {@code lobbies}-th lobby fails with HTTP 500 and crashes the simulated Wolf,
         * as the incident's 7th lobby did. Default: never.
         *
         * @param lobbies the lobby count whose creation fails
         * @return this builder
         * @throws IllegalArgumentException if {@code lobbies} is not positive
         */
        public Builder gpuStackFailsAt(int lobbies) {
            this.gpuStackFailsAt = positive(lobbies, "gpuStackFailsAt");
            return this;
        }

        /**
         * Serves upstream Wolf only: the fork's {@code /api/v1/system/*} routes answer 404.
         *
         * @return this builder
         */
        public Builder withoutForkEndpoints() {
            this.forkEndpoints = false;
            return this;
        }

        /**
         * Listens on an ephemeral port of 127.0.0.1 too, as Wolf behind a reverse proxy.
         *
         * @return this builder
         */
        public Builder tcp() {
            this.tcp = true;
            return this;
        }

        /**
         * Time between {@code :keepalive} comments on an idle event stream; default 15 s.
         *
         * @param interval the interval
         * @return this builder
         * @throws NullPointerException if {@code interval} is null
         * @throws IllegalArgumentException if not positive
         */
        public Builder keepaliveInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("keepaliveInterval must be positive");
            }
            this.keepaliveInterval = interval;
            return this;
        }

        /**
         * The largest accepted request body in bytes; default 1 MiB.
         *
         * @param bytes the cap; larger bodies are answered 413
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder maxBodyBytes(int bytes) {
            this.maxBodyBytes = positive(bytes, "maxBodyBytes");
            return this;
        }

        /**
         * Sets what {@code GET /api/v1/apps} lists; default {@link #DEFAULT_APP}.
         *
         * @param list the apps
         * @return this builder
         * @throws NullPointerException if {@code list} or an element is null
         */
        public Builder apps(List<App> list) {
            this.apps = List.copyOf(list);
            return this;
        }

        /**
         * Sets the clock behind the reported uptime; default the system clock.
         *
         * @param c the clock
         * @return this builder
         * @throws NullPointerException if {@code c} is null
         */
        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c, "clock");
            return this;
        }

        /**
         * Starts the simulator on the UNIX socket {@code directory/wolf.sock} (and TCP if asked).
         * The directory must exist; a stale socket file there is replaced.
         *
         * @param directory where the socket file goes
         * @return the running simulator; close it when done
         * @throws NullPointerException if {@code directory} is null
         * @throws IOException if the socket cannot be bound
         */
        public WolfSimulator start(Path directory) throws IOException {
            Objects.requireNonNull(directory, "directory");
            SimulatorSettings settings = new SimulatorSettings(gpu, nvmlBreaksAt, gpuStackFailsAt,
                    forkEndpoints, tcp, keepaliveInterval, maxBodyBytes, apps, clock);
            List<SimGpu> hostGpus = gpus.isEmpty()
                    ? List.of(new SimGpu("/dev/dri/renderD128", SINGLE_GPU_UUID, gpu)) : gpus;
            return WolfSimulator.start(settings, directory.resolve(WolfSimulator.SOCKET_FILE_NAME), hostGpus);
        }

        private static int positive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
