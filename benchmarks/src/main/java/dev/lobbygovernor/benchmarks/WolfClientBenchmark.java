package dev.lobbygovernor.benchmarks;

import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.wolf.TransportSettings;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfException;
import dev.lobbygovernor.wolf.internal.HttpRequestEncoder;
import dev.lobbygovernor.wolf.internal.UnixSocketTransport;
import dev.lobbygovernor.wolf.internal.WolfRequest;
import dev.lobbygovernor.wolf.internal.WolfResponse;
import dev.lobbygovernor.wolf.model.LobbiesReply;
import dev.lobbygovernor.wolf.model.Lobby;
import dev.lobbygovernor.wolf.model.Runner;
import dev.lobbygovernor.wolf.model.WolfJson;
import dev.lobbygovernor.wolf.sim.WolfSimulator;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.io.Transport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code WolfClient.listLobbies()} over the UNIX socket against a raw-socket floor: connect,
 * write the same request bytes, read the reply to end of stream, no parsing — against the same
 * server. The client's overhead is the difference (a deadline armed on the client's timer
 * for the whole call, strict HTTP parsing, JSON decoding into records); the target is under 3×
 * the floor. Two breakdowns say where it goes: {@code transportOnly} (the I/O, the deadline and
 * HTTP parsing, through the internal transport) and {@code decodeOnly} (the JSON decoding of
 * the same body).
 *
 * <p>Two servers: {@code canned}, a minimal server in this class that answers every request
 * with the same bytes (the server costs as little as possible, so the client's share shows
 * most), and {@code simulator}, the Wolf simulator holding five lobbies (a realistic server).
 * Both list five lobbies, the incident's safe limit.
 *
 * <p>On a shared or loaded machine the average's error swamps the difference; the median of
 * {@code -bm sample} (same class, same servers) is the steadier figure to compare.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WolfClientBenchmark {

    private static final int LOBBIES = 5;

    @Param({"canned", "simulator"})
    public String server;

    private Path dir;
    private CannedServer canned;
    private WolfSimulator simulator;
    private Path socket;
    private WolfClient client;
    private UnixSocketTransport transport;
    private byte[] request;
    private byte[] body;
    private final ByteBuffer sink = ByteBuffer.allocateDirect(64 * 1024);
    private HttpClient jetty;

    /** Starts the server and checks both paths see the same reply. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("wolf-bench");
        if (server.equals("canned")) {
            canned = new CannedServer(dir.resolve("wolf.sock"), cannedReply());
            socket = canned.path;
        } else {
            simulator = WolfSimulator.builder().start(dir);
            for (int i = 0; i < LOBBIES; i++) {
                simulator.createLeakedLobby("agent-" + i, Optional.of(LobbyPin.of("1234")));
            }
            socket = simulator.socketPath();
        }
        client = WolfClient.builder().unixSocket(socket).build();
        transport = new UnixSocketTransport(socket, TransportSettings.defaults());
        request = HttpRequestEncoder.encode(WolfRequest.get("/api/v1/lobbies"));
        body = transportOnly().body();
        jetty = new HttpClient();
        jetty.start();
        if (jettyListLobbies().lobbies().size() != LOBBIES) {
            throw new IllegalStateException("Jetty's client does not read " + LOBBIES + " lobbies");
        }
        if (client.listLobbies().size() != LOBBIES || rawSocketFloor() < 100) {
            throw new IllegalStateException("the server does not list " + LOBBIES + " lobbies");
        }
    }

    /** The client's typed call: connect, send, read to end, parse HTTP, decode JSON. */
    @Benchmark
    public List<Lobby> listLobbies() throws WolfException {
        return client.listLobbies();
    }

    /**
     * A breakdown: the UNIX-socket transport alone (connect, send, read to end under the
     * call's deadline, strict HTTP parse), without JSON decoding.
     */
    @Benchmark
    public WolfResponse transportOnly() throws WolfException {
        return transport.exchange(WolfRequest.get("/api/v1/lobbies"));
    }

    /**
     * The alternative transport the client could have used: Jetty 12's {@code HttpClient} over
     * its UNIX-domain transport, with a 30 s total timeout as the client's deadline, decoding the
     * same JSON. Measured against the floor and the JDK-only client to choose between them.
     */
    @Benchmark
    public LobbiesReply jettyListLobbies() throws Exception {
        ContentResponse response = jetty.newRequest("http://localhost/api/v1/lobbies")
                .transport(new Transport.TCPUnix(socket))
                .timeout(30, TimeUnit.SECONDS)
                .send();
        return WolfJson.mapper().readValue(response.getContent(), LobbiesReply.class);
    }

    /** A breakdown: decoding the same reply body into records, without any I/O. */
    @Benchmark
    public LobbiesReply decodeOnly() throws IOException {
        return WolfJson.mapper().readValue(body, LobbiesReply.class);
    }

    /** The floor: blocking connect, write the same bytes, read to end; no parsing, no timeouts. */
    @Benchmark
    public int rawSocketFloor() throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            ch.write(ByteBuffer.wrap(request));
            int total = 0;
            int n;
            while ((n = ch.read(sink.clear())) >= 0) {
                total += n;
            }
            return total;
        }
    }

    /** Stops the server and removes the socket directory. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        jetty.stop();
        client.close();
        transport.close();
        if (canned != null) {
            canned.close();
        }
        if (simulator != null) {
            simulator.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** What Wolf would answer with five lobbies: HTTP/1.0, Content-Length, no Content-Type. */
    private static byte[] cannedReply() throws IOException {
        List<Lobby> lobbies = new ArrayList<>();
        for (int i = 0; i < LOBBIES; i++) {
            lobbies.add(new Lobby("6f1c2a9e-0000-4000-8000-00000000000" + i, "agent-" + i, null,
                    true, "helix", true, false,
                    new Runner.Docker("zed-" + i, "helix/zed:latest", List.of("/data:/data"),
                            List.of("HELIX_SESSION_ID=ses_" + i), List.of("/dev/dri"), List.of(),
                            null),
                    List.of()));
        }
        byte[] body = WolfJson.mapper().writeValueAsBytes(new LobbiesReply(true, lobbies));
        byte[] head = ("HTTP/1.0 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    /**
     * A minimal server: one daemon thread accepts, reads the request head, writes the canned
     * reply and closes — Wolf's pattern, with nothing else to cost time.
     */
    static final class CannedServer implements AutoCloseable {
        final Path path;
        private final ServerSocketChannel channel;
        private final Thread thread;

        CannedServer(Path path, byte[] reply) throws IOException {
            this.path = path;
            this.channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(path));
            this.thread = new Thread(() -> serve(reply), "lobby-governor-bench-canned-wolf");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve(byte[] reply) {
            ByteBuffer in = ByteBuffer.allocate(4096);
            while (channel.isOpen()) {
                try (SocketChannel ch = channel.accept()) {
                    in.clear();
                    while (!headRead(in) && ch.read(in) >= 0) {
                        // keep reading until the blank line that ends a GET
                    }
                    ch.write(ByteBuffer.wrap(reply));
                } catch (IOException e) {
                    if (!channel.isOpen()) {
                        return;
                    }
                }
            }
        }

        private static boolean headRead(ByteBuffer in) {
            int end = in.position();
            return end >= 4 && in.get(end - 4) == '\r' && in.get(end - 3) == '\n'
                    && in.get(end - 2) == '\r' && in.get(end - 1) == '\n';
        }

        @Override
        public void close() throws IOException {
            channel.close();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Files.deleteIfExists(path);
        }
    }
}
