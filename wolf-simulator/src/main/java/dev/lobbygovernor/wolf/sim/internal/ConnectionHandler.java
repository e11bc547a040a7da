package dev.lobbygovernor.wolf.sim.internal;

import dev.lobbygovernor.wolf.sim.Fault;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one connection as Wolf does: one request, one reply, close. Applies the injected
 * latency and faults after the request is read, and keeps event streams open.
 */
final class ConnectionHandler implements Consumer<SocketChannel> {

    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);

    /** Bytes sent for {@link Fault#GARBAGE_REPLY}: not an HTTP status line. */
    static final byte[] GARBAGE = {(byte) 0xde, (byte) 0xad, 0x00, 'n', 'o', 't', ' ', 'h', 't',
        't', 'p', '\r', '\n', '\r', '\n'};
    /** Body sent for {@link Fault#MALFORMED_JSON}: a reply cut short. */
    static final String TRUNCATED_JSON = "{\"success\":true,\"lobbies\":[{\"id\":";
    private static final Duration HOLD_STEP = Duration.ofMillis(50);
    private static final String SSE_HEAD = "HTTP/1.0 200 OK\r\nContent-Type: text/event-stream\r\n\r\n";
    private static final byte[] KEEPALIVE = ":keepalive\n\n".getBytes(StandardCharsets.UTF_8);

    private final RequestReader reader;
    private final RequestCounter counter;
    private final FaultPlan faults;
    private final Router router;
    private final EventHub events;
    private final Duration keepaliveInterval;
    private final Consumer<SocketChannel> crash;

    ConnectionHandler(RequestReader reader, RequestCounter counter, FaultPlan faults, Router router,
            EventHub events, Duration keepaliveInterval, Consumer<SocketChannel> crash) {
        this.reader = reader;
        this.counter = counter;
        this.faults = faults;
        this.router = router;
        this.events = events;
        this.keepaliveInterval = keepaliveInterval;
        this.crash = crash;
    }

    @Override
    public void accept(SocketChannel channel) {
        try (channel) {
            serve(channel);
        } catch (IOException e) {
            log.atDebug().setCause(e).log("connection ended early");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(SocketChannel channel) throws IOException, InterruptedException {
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel));
        OutputStream out = Channels.newOutputStream(channel);
        HttpRequest request;
        try {
            request = reader.read(in);
        } catch (HttpError refused) {
            log.atDebug().addKeyValue("status", refused.response().status())
                    .addKeyValue("reason", refused.getMessage()).log("request refused before routing");
            refused.response().writeTo(out);
            return;
        }
        if (request == null) {
            return;
        }
        counter.record(request);
        Duration latency = faults.latency();
        if (!latency.isZero()) {
            Thread.sleep(latency.toMillis());
        }
        long generation = faults.generation();
        Optional<Fault> fault = faults.take();
        if (fault.isPresent()) {
            log.atDebug().addKeyValue("request", request).addKeyValue("fault", fault.get())
                    .log("injecting fault");
            misbehave(fault.get(), channel, out, generation);
            return;
        }
        Reply reply = router.route(request);
        log.atDebug().addKeyValue("request", request).log("served");
        if (reply instanceof HttpResponse response) {
            response.writeTo(out);
        } else if (reply instanceof CrashAfter crashAfter) {
            // crash first, sparing this connection: by the time the client reads the reply,
            // the socket is gone and every lobby lost
            crash.accept(channel);
            crashAfter.last().writeTo(out);
        } else {
            stream(out);
        }
    }

    private void misbehave(Fault fault, SocketChannel channel, OutputStream out, long generation)
            throws IOException, InterruptedException {
        switch (fault) {
            case DROP_CONNECTION -> channel.close();
            case GARBAGE_REPLY -> {
                out.write(GARBAGE);
                out.flush();
            }
            case MALFORMED_JSON -> HttpResponse.ok(TRUNCATED_JSON).writeTo(out);
            case NEVER_ANSWER -> {
                // hold the connection until the fault is cleared or the server unbinds it
                while (channel.isOpen() && faults.generation() == generation) {
                    faults.awaitClear(generation, HOLD_STEP);
                }
            }
        }
    }

    private void stream(OutputStream out) throws IOException, InterruptedException {
        BlockingQueue<String> queue = events.subscribe();
        try {
            // subscribed before the head goes out: a client that has read the head sees every
            // event published after that
            out.write(SSE_HEAD.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (true) {
                String frame = queue.poll(keepaliveInterval.toMillis(), TimeUnit.MILLISECONDS);
                if (EventHub.END.equals(frame)) {
                    return;
                }
                out.write(frame == null ? KEEPALIVE : frame.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } finally {
            events.unsubscribe(queue);
        }
    }
}
