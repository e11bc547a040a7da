package dev.lobbygovernor.wolf.internal;

import dev.lobbygovernor.wolf.WolfProtocolException;
import dev.lobbygovernor.wolf.WolfUnavailableException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * One connection to a UNIX domain socket, with connect, write and read timeouts that fire.
 *
 * <p>A blocking {@link SocketChannel} ignores {@code SO_TIMEOUT}, so a server that accepts and
 * never answers would hang a blocking read forever. The channel is therefore non-blocking, and
 * every wait goes through a {@link Selector} with a deadline. The selector is opened only when
 * a call must wait, which a fast local server often spares. {@link #close()} may be called from
 * another thread to abort a wait.
 */
public final class UnixConnection implements AutoCloseable {

    private final SocketChannel channel;
    private final String endpoint;
    private final SelectorPool pool;
    private volatile Selector selector;
    private SelectionKey key;
    private boolean closed;

    private UnixConnection(SocketChannel channel, String endpoint, SelectorPool pool) {
        this.channel = channel;
        this.endpoint = endpoint;
        this.pool = pool;
    }

    /**
     * Connects to {@code socket} within {@code timeout}, with a selector of its own, so
     * {@link #close()} may come from another thread.
     *
     * @throws WolfUnavailableException if the socket file is missing, nobody listens, or the
     *     connection is not made in time
     */
    public static UnixConnection connect(Path socket, Duration timeout)
            throws WolfUnavailableException {
        return connect(socket, timeout, null);
    }

    /**
     * Connects as {@link #connect(Path, Duration)}, borrowing a selector from {@code pool} when
     * one is needed. Such a connection must be closed by the thread that uses it.
     */
    public static UnixConnection connect(Path socket, Duration timeout, SelectorPool pool)
            throws WolfUnavailableException {
        String endpoint = "unix:" + socket;
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.configureBlocking(false);
            UnixConnection conn = new UnixConnection(ch, endpoint, pool);
            try {
                if (!ch.connect(UnixDomainSocketAddress.of(socket))) {
                    conn.await(SelectionKey.OP_CONNECT, deadline(timeout), "connect");
                    ch.finishConnect();
                }
                return conn;
            } catch (WolfUnavailableException | IOException | RuntimeException e) {
                conn.close();
                throw e;
            }
        } catch (WolfUnavailableException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            closeQuietly(ch);
            throw new WolfUnavailableException(connectFailure(socket, e), false, e);
        }
    }

    private static String connectFailure(Path socket, Exception e) {
        if (!Files.exists(socket)) {
            return "Wolf's socket " + socket + " does not exist: is Wolf running, and is"
                    + " WOLF_SOCKET_PATH right?";
        }
        return "Cannot connect to Wolf's socket " + socket + ": " + e.getMessage()
                + " (is Wolf running?)";
    }

    /** Writes all of {@code buffers}, waiting at most {@code timeout} in total. */
    public void write(Duration timeout, ByteBuffer... buffers) throws WolfUnavailableException {
        long deadline = deadline(timeout);
        try {
            while (remaining(buffers) > 0) {
                if (channel.write(buffers) == 0) {
                    await(SelectionKey.OP_WRITE, deadline, "write the request");
                }
            }
        } catch (IOException e) {
            throw new WolfUnavailableException("Writing to Wolf at " + endpoint + " failed: "
                    + e.getMessage(), false, e);
        }
    }

    /**
     * Reads some bytes into {@code dst}, waiting at most {@code idleTimeout} for the first.
     *
     * @return the number read, or -1 at end of stream
     * @throws WolfUnavailableException on timeout, on an I/O error or when closed meanwhile
     */
    public int read(ByteBuffer dst, Duration idleTimeout) throws WolfUnavailableException {
        long deadline = deadline(idleTimeout);
        try {
            while (true) {
                int n = channel.read(dst);
                if (n != 0 || !dst.hasRemaining()) {
                    return n;
                }
                await(SelectionKey.OP_READ, deadline, "answer");
            }
        } catch (IOException e) {
            throw new WolfUnavailableException("Reading from Wolf at " + endpoint + " failed: "
                    + e.getMessage(), false, e);
        }
    }

    /**
     * Reads until the server closes the connection, as Wolf does after every reply.
     *
     * @param maxBytes the most bytes accepted
     * @param idleTimeout the longest wait for more bytes
     * @return the bytes read, in a buffer possibly longer than {@link Bytes#length()}
     * @throws WolfProtocolException if the reply exceeds {@code maxBytes}
     */
    public Bytes readToEnd(int maxBytes, Duration idleTimeout)
            throws WolfUnavailableException, WolfProtocolException {
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
            int n = read(ByteBuffer.wrap(buf, len, buf.length - len), idleTimeout);
            if (n < 0) {
                return new Bytes(buf, len);
            }
            len += n;
        }
    }

    /** Bytes read into a buffer: {@code data[0, length)}. */
    public record Bytes(byte[] data, int length) {
    }

    /** Where this connection goes, such as {@code unix:/run/wolf/wolf.sock}. */
    public String endpoint() {
        return endpoint;
    }

    private void await(int op, long deadline, String what) throws IOException,
            WolfUnavailableException {
        try {
            if (selector == null) {
                selector = pool != null ? pool.acquire() : Selector.open();
                key = channel.register(selector, op);
            } else {
                key.interestOps(op);
            }
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new WolfUnavailableException("Wolf at " + endpoint + " did not " + what
                            + " in time", true, null);
                }
                // select(ms) with 0 means "forever", so never pass less than 1 ms
                if (selector.select(Math.max(1, left / 1_000_000)) > 0) {
                    selector.selectedKeys().clear();
                    return;
                }
                if (!channel.isOpen()) {
                    throw new IOException("connection closed");
                }
            }
        } catch (ClosedSelectorException e) {
            throw new IOException("connection closed", e);
        }
    }

    private static long deadline(Duration timeout) {
        long nanos = timeout.toNanos();
        long now = System.nanoTime();
        return nanos > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + nanos;
    }

    private static long remaining(ByteBuffer[] buffers) {
        long r = 0;
        for (ByteBuffer b : buffers) {
            r += b.remaining();
        }
        return r;
    }

    /**
     * Closes the channel. A pooled selector is deregistered and returned; an own selector is
     * closed, which also wakes a thread waiting on it. Idempotent.
     */
    @Override
    public void close() {
        Selector s;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            s = selector;
        }
        if (s != null && pool != null) {
            try {
                // cancel and flush the key, so the selector is clean for its next connection
                key.cancel();
                s.selectNow();
                closeQuietly(channel);
                pool.release(s);
                return;
            } catch (IOException | RuntimeException e) {
                closeSelector(s);
            }
        }
        closeQuietly(channel);
        if (s != null) {
            closeSelector(s);
        }
    }

    private static void closeSelector(Selector s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }

    private static void closeQuietly(SocketChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // closing a socket we are giving up on; nothing to report
            }
        }
    }
}
