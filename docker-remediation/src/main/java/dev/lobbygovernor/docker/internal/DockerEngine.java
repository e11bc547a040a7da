package dev.lobbygovernor.docker.internal;

import dev.lobbygovernor.docker.DockerEngineException;
import dev.lobbygovernor.docker.DockerEngineException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.URLEncoder;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few Docker Engine API calls a restart needs, each one request on a fresh connection to
 * the engine's UNIX socket. Pinned to API v1.44, which Docker 25 through the current release
 * serve. Each call is sent with {@code Connection: close}, so the reply ends where the stream
 * does; its body may still be chunked (the engine chunks replies over 2048 bytes).
 */
public final class DockerEngine {

    private static final String API = "/v1.44";
    /** A container id is 64 hex digits; only a summary's or inspection's own id has the key "Id". */
    private static final Pattern ID = Pattern.compile("\"Id\"\\s*:\\s*\"([0-9a-f]{64})\"");
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private final Path socket;

    /**
     * An engine reached on {@code socket}.
     *
     * @param socket the engine's UNIX socket
     */
    public DockerEngine(Path socket) {
        this.socket = socket;
    }

    /**
     * The id of the container with exactly this name.
     *
     * @param name the container's name, without the leading slash
     * @param timeout the call's deadline
     * @return the container's id
     * @throws DockerEngineException if the engine cannot be used or has no such container
     */
    public String findByName(String name, Duration timeout) throws DockerEngineException {
        Reply reply = exchange("GET", API + "/containers/" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "/json", timeout);
        if (reply.status() == 404) {
            throw new DockerEngineException(Kind.CONTAINER_NOT_FOUND, "no container named " + name + ": "
                    + reply.message(), null);
        }
        reply.expect(200, "inspect container " + name);
        Matcher m = ID.matcher(reply.body());
        if (!m.find()) {
            throw new DockerEngineException(Kind.PROTOCOL, "the engine's inspection of " + name + " has no Id", null);
        }
        return m.group(1);
    }

    /**
     * The id of the one container, running or not, that carries this label.
     *
     * @param label {@code key} or {@code key=value}
     * @param timeout the call's deadline
     * @return the container's id
     * @throws DockerEngineException if the engine cannot be used, or no container or several carry it
     */
    public String findByLabel(String label, Duration timeout) throws DockerEngineException {
        String filters = "{\"label\":[\"" + label.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]}";
        Reply reply = exchange("GET", API + "/containers/json?all=true&filters="
                + URLEncoder.encode(filters, StandardCharsets.UTF_8), timeout);
        reply.expect(200, "list containers labelled " + label);
        List<String> ids = new ArrayList<>();
        Matcher m = ID.matcher(reply.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        if (ids.isEmpty()) {
            throw new DockerEngineException(Kind.CONTAINER_NOT_FOUND, "no container carries the label " + label, null);
        }
        if (ids.size() > 1) {
            throw new DockerEngineException(Kind.CONTAINER_AMBIGUOUS, ids.size() + " containers carry the label "
                    + label + "; none was restarted", null);
        }
        return ids.get(0);
    }

    /**
     * Restarts a container: the engine answers once it has stopped (killed after
     * {@code stopTimeout}) and started it again.
     *
     * @param id the container
     * @param stopTimeout the wait before the engine kills it, whole seconds
     * @param timeout the call's deadline, longer than {@code stopTimeout}
     * @throws DockerEngineException if the engine cannot be used or refuses
     */
    public void restart(String id, Duration stopTimeout, Duration timeout) throws DockerEngineException {
        Reply reply = exchange("POST", API + "/containers/" + id + "/restart?t=" + stopTimeout.getSeconds(), timeout);
        if (reply.status() == 404) {
            throw new DockerEngineException(Kind.CONTAINER_NOT_FOUND, "the engine no longer has container "
                    + id + ": " + reply.message(), null);
        }
        if (reply.status() != 204 && reply.status() != 200) {
            throw new DockerEngineException(Kind.REFUSED, "the engine refused to restart the container (HTTP "
                    + reply.status() + "): " + reply.message(), null);
        }
    }

    /** A parsed reply. */
    record Reply(int status, String body) {
        String message() {
            Matcher m = MESSAGE.matcher(body);
            return m.find() ? m.group(1).replace("\\\"", "\"") : body.strip();
        }

        void expect(int wanted, String action) throws DockerEngineException {
            if (status != wanted) {
                throw new DockerEngineException(Kind.PROTOCOL, "could not " + action + " (HTTP " + status + "): "
                        + message(), null);
            }
        }
    }

    Reply exchange(String method, String target, Duration timeout) throws DockerEngineException {
        if (!Files.exists(socket)) {
            throw new DockerEngineException(Kind.SOCKET_MISSING, "no Docker socket at " + socket
                    + ": is Docker running here, and is its socket mounted into this container?", null);
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            // a blocking channel has no read timeout: closing it from the watchdog ends a stalled read
            ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
                timedOut.set(true);
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // closing is all the alarm does
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            try {
                connect(channel);
                // HTTP/1.1 needs a Host header (the engine's Go server answers 400 without one);
                // its value is not checked, and the official client sends this one
                String request = method + " " + target + " HTTP/1.1\r\nHost: api.moby.localhost\r\n"
                        + "User-Agent: lobby-governor\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
                ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
                while (out.hasRemaining()) {
                    channel.write(out);
                }
                ByteArrayOutputStream in = new ByteArrayOutputStream();
                ByteBuffer buf = ByteBuffer.allocate(8192);
                while (channel.read(buf) >= 0) {
                    in.write(buf.array(), 0, buf.position());
                    buf.clear();
                }
                return HttpReply.parse(in.toByteArray());
            } finally {
                alarm.cancel(false);
            }
        } catch (DockerEngineException e) {
            throw e;
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new DockerEngineException(Kind.TIMED_OUT, "the Docker engine did not answer " + method + " "
                        + target + " within " + timeout.toMillis() + " ms", e);
            }
            throw new DockerEngineException(Kind.PROTOCOL, "the exchange with the Docker engine failed: " + e, e);
        }
    }

    /**
     * Connects, telling apart the three ways it fails on a UNIX socket (JDK 17): a missing file,
     * a permission error (reported as a {@link BindException}), and nobody listening.
     */
    private void connect(SocketChannel channel) throws DockerEngineException {
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            throw connectFailure(socket, e);
        }
    }

    /**
     * The typed failure for a failed connect.
     *
     * @param socket the socket tried
     * @param e what the JDK threw
     * @return the failure to throw
     */
    public static DockerEngineException connectFailure(Path socket, IOException e) {
        String text = String.valueOf(e.getMessage());
        if (e instanceof BindException || text.contains("Permission denied")) {
            return new DockerEngineException(Kind.PERMISSION_DENIED, "no permission to open the Docker socket "
                    + socket + ": add this process's user to the docker group, or mount the socket with a "
                    + "group it has", e);
        }
        if (e instanceof ConnectException) {
            return new DockerEngineException(Kind.ENGINE_DOWN, "nothing listens on the Docker socket " + socket
                    + ": the Docker engine is down", e);
        }
        if (text.contains("No such file")) {
            return new DockerEngineException(Kind.SOCKET_MISSING, "no Docker socket at " + socket, e);
        }
        return new DockerEngineException(Kind.PROTOCOL, "could not connect to the Docker socket " + socket + ": " + e, e);
    }

    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "lobby-governor-docker-deadline");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
