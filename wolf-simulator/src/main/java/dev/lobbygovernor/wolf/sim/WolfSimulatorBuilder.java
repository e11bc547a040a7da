package dev.lobbygovernor.wolf.sim;

import dev.lobbygovernor.wolf.model.App;
import dev.lobbygovernor.wolf.model.Runner;
import dev.lobbygovernor.wolf.sim.internal.SimulatorSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Configures and starts a {@link WolfSimulator}; get one from {@link WolfSimulator#builder()}.
 * Every setter validates its argument at once; defaults are the named constants below.
 */
public final class WolfSimulatorBuilder {

    /** Wolf's interval between {@code :keepalive} comments on an idle event stream. */
    public static final Duration DEFAULT_KEEPALIVE_INTERVAL = Duration.ofSeconds(15);
    /** The simulator's largest accepted request body (1 MiB); larger ones get 413. */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** The app {@code GET /api/v1/apps} lists unless {@link #apps(List)} says otherwise. */
    public static final App DEFAULT_APP = new App("desktop", "Desktop", false, null,
            "/dev/dri/renderD128", true, true, new Runner.Process("/usr/bin/startxfce4"));

    private GpuModel gpu = GpuModel.rtx2000Ada();
    private int nvmlBreaksAt;
    private int gpuStackFailsAt;
    private boolean forkEndpoints = true;
    private boolean tcp;
    private Duration keepaliveInterval = DEFAULT_KEEPALIVE_INTERVAL;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private List<App> apps = List.of(DEFAULT_APP);
    private Clock clock = Clock.systemUTC();

    WolfSimulatorBuilder() {
    }

    /**
     * Sets the simulated GPU; default {@link GpuModel#rtx2000Ada()}.
     *
     * @param model the GPU model
     * @return this builder
     * @throws NullPointerException if {@code model} is null
     */
    public WolfSimulatorBuilder gpu(GpuModel model) {
        this.gpu = Objects.requireNonNull(model, "model");
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
    public WolfSimulatorBuilder nvmlBreaksAt(int lobbies) {
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
    public WolfSimulatorBuilder gpuStackFailsAt(int lobbies) {
        this.gpuStackFailsAt = positive(lobbies, "gpuStackFailsAt");
        return this;
    }

    /**
     * Serves upstream Wolf only: the fork's {@code /api/v1/system/*} routes answer 404.
     *
     * @return this builder
     */
    public WolfSimulatorBuilder withoutForkEndpoints() {
        this.forkEndpoints = false;
        return this;
    }

    /**
     * Listens on an ephemeral port of 127.0.0.1 too, as Wolf behind a reverse proxy.
     *
     * @return this builder
     */
    public WolfSimulatorBuilder tcp() {
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
    public WolfSimulatorBuilder keepaliveInterval(Duration interval) {
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
    public WolfSimulatorBuilder maxBodyBytes(int bytes) {
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
    public WolfSimulatorBuilder apps(List<App> list) {
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
    public WolfSimulatorBuilder clock(Clock c) {
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
        return WolfSimulator.start(settings, directory.resolve(WolfSimulator.SOCKET_FILE_NAME));
    }

    private static int positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
