package dev.lobbygovernor.wolf.internal;

import dev.lobbygovernor.wolf.WolfProtocolException;
import dev.lobbygovernor.wolf.WolfUnavailableException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * One blocking connection to Wolf's UNIX socket, whose waits end at a deadline.
 *
 * <p>The channel blocks, as the JDK's plain socket code does; its deadline closes it when the
 * time runs out, and the blocked call then fails and is reported as a timeout. The deadline
 * spans the whole exchange from {@link #open} (or, on the event stream, the time from one
 * whole event to the next, in {@link #readBy}), so a server that trickles its reply byte by byte still hits it.
 * {@link #close()} may come from another thread to abort a blocked call.
 */
public final class UnixConnection implements AutoCloseable {

    private final SocketChannel channel;
    private final Path socket;
    private final String endpoint;
    private final ChannelDeadline deadline;

    private UnixConnection(SocketChannel channel, Path socket, Deadlines deadlines) {
        this.channel = channel;
        this.socket = socket;
        this.endpoint = "unix:" + socket;
        this.deadline = new ChannelDeadline(deadlines, channel);
    }

    /**
     * Opens a connection to {@code socket} under the deadline of the whole call: connecting
     * may take at most {@code connectTimeout}, and everything, what follows the connection
     * included, must be over by {@code call}.
     *
     * @param socket the socket path
     * @param deadlines the timer that enforces the deadline
     * @param connectTimeout the longest wait to connect
     * @param call when the whole call must be over
     * @return the connected connection, the call's deadline armed
     * @throws WolfUnavailableException if the socket file is missing, nobody listens, or the
     *     connection is not made in time
     * @throws IllegalStateException if {@code deadlines} is closed
     */
    public static UnixConnection open(Path socket, Deadlines deadlines, Duration connectTimeout,
            CallDeadline call) throws WolfUnavailableException {
        long start = System.nanoTime();
        SocketChannel ch;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException e) {
            throw new WolfUnavailableException("Cannot open a socket to reach Wolf at unix:"
                    + socket + ": " + e.getMessage(), false, e);
        }
        UnixConnection conn = new UnixConnection(ch, socket, deadlines);
        try {
            conn.deadline.armCall(start, connectTimeout, call);
            ch.connect(UnixDomainSocketAddress.of(socket));
            conn.deadline.connected();
            return conn;
        } catch (IOException e) {
            WolfUnavailableException failure = conn.deadline.expired()
                    || conn.deadline.abandoned() || e instanceof ClosedByInterruptException
                    ? conn.failure(e, "connecting to", "")
                    : new WolfUnavailableException(connectFailure(socket, e), false, e);
            conn.close();
            throw failure;
        } catch (RuntimeException e) {
            conn.close();
            throw e;
        }
    }

    private static String connectFailure(Path socket, IOException e) {
        if (!Files.exists(socket)) {
            return "Wolf's socket " + socket + " does not exist: is Wolf running, and is"
                    + " WOLF_SOCKET_PATH right?";
        }
        return "Cannot connect to Wolf's socket " + socket + ": " + e.getMessage()
                + " (is Wolf running?)";
    }

    /** Cancels the call's deadline: what follows may take as long as it takes. */
    public void disarm() {
        deadline.disarm();
    }

    /**
     * Writes all of {@code buffers}.
     *
     * @param buffers the bytes to send
     * @throws WolfUnavailableException if the deadline passes, or on an I/O error
     */
    public void write(ByteBuffer... buffers) throws WolfUnavailableException {
        try {
            while (remaining(buffers) > 0) {
                channel.write(buffers);
            }
        } catch (IOException e) {
            throw failure(e, "writing to", "");
        }
    }

    /**
     * Reads some bytes into {@code dst}, blocking until at least one arrives, under the
     * deadline armed now.
     *
     * @param dst where to put them
     * @return the number read, or -1 at end of stream
     * @throws WolfUnavailableException if the deadline passes, the connection is closed
     *     meanwhile, or on an I/O error
     */
    public int read(ByteBuffer dst) throws WolfUnavailableException {
        try {
            return channel.read(dst);
        } catch (IOException e) {
            throw failure(e, "reading from", "");
        }
    }

    /**
     * Reads the next bytes of an open-ended reply, waiting at most until {@code until}.
     *
     * @param dst where to put them
     * @param until the deadline, in {@link System#nanoTime()} terms
     * @param idleTimeout the timeout behind it, for the message
     * @return the number read, or -1 at end of stream
     * @throws WolfUnavailableException if nothing arrives in time ({@code timedOut()}), the
     *     connection is closed meanwhile, or on an I/O error
     * @throws IllegalStateException if the client was closed
     */
    public int readBy(ByteBuffer dst, long until, Duration idleTimeout)
            throws WolfUnavailableException {
        deadline.armRead(until, idleTimeout);
        try {
            return read(dst);
        } finally {
            deadline.disarm();
        }
    }

    /**
     * Reads until the server closes the connection, as Wolf does after every reply, under the
     * deadline armed now.
     *
     * @param maxBytes the most bytes accepted
     * @return the bytes read, in a buffer possibly longer than {@link Bytes#length()}
     * @throws WolfUnavailableException if the deadline passes or on an I/O error
     * @throws WolfProtocolException if the reply exceeds {@code maxBytes}
     */
    public Bytes readToEnd(int maxBytes) throws WolfUnavailableException, WolfProtocolException {
        byte[] buf = new byte[Math.min(8192, maxBytes + 1)];
        int len = 0;
        while (true) {
            if (len == buf.length) {
                if (len > maxBytes) {
                    throw new WolfProtocolException("Reply from Wolf at " + endpoint
                            + " exceeds the " + maxBytes + "-byte limit", Excerpts.of(buf, 0, len),
                            null);
                }
                buf = Arrays.copyOf(buf, (int) Math.min((long) maxBytes + 1, 2L * buf.length));
            }
            int n;
            try {
                n = channel.read(ByteBuffer.wrap(buf, len, buf.length - len));
            } catch (IOException e) {
                // a reply that trickles in stops at the deadline too: say how far it got
                throw failure(e, "reading from", len == 0 ? "" : " (" + len + " bytes came)");
            }
            if (n < 0) {
                return new Bytes(buf, len);
            }
            len += n;
        }
    }

    /**
     * Bytes read into a buffer: {@code data[0, length)}.
     *
     * @param data the buffer
     * @param length how many of its bytes were read
     */
    public record Bytes(byte[] data, int length) {
    }

    private WolfUnavailableException failure(IOException e, String doing, String progress) {
        if (e instanceof ClosedByInterruptException) {
            // the JDK closed the channel and left the thread's interrupt status set
            return new WolfUnavailableException("Interrupted while " + doing + " Wolf at "
                    + endpoint, false, e);
        }
        if (deadline.expired()) {
            return new WolfUnavailableException("Wolf at " + endpoint + " " + deadline.missed()
                    + progress, true, e);
        }
        if (deadline.abandoned()) {
            return new WolfUnavailableException("The call to Wolf at " + endpoint
                    + " was abandoned: the connection was closed while " + doing + " it", false, e);
        }
        return new WolfUnavailableException(Character.toUpperCase(doing.charAt(0))
                + doing.substring(1) + " Wolf at " + endpoint + " failed: " + e.getMessage()
                + progress, false, e);
    }

    private static long remaining(ByteBuffer[] buffers) {
        long r = 0;
        for (ByteBuffer b : buffers) {
            r += b.remaining();
        }
        return r;
    }

    /** Closes the channel, which aborts a call blocked in another thread; idempotent. */
    @Override
    public void close() {
        deadline.abandon();
        try {
            channel.close();
        } catch (IOException e) {
            // closing a socket we are giving up on; nothing to report
        }
    }

    /**
     * The socket, for logs.
     *
     * @return such as {@code UnixConnection[/run/wolf/wolf.sock]}
     */
    @Override
    public String toString() {
        return "UnixConnection[" + socket + "]";
    }
}
