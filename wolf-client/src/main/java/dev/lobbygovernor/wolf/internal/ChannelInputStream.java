package dev.lobbygovernor.wolf.internal;

import dev.lobbygovernor.wolf.WolfUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * The rest of a {@link UnixConnection} as an {@link InputStream}: first the bytes already read
 * past the reply head, then the channel. Reads throw {@link SocketTimeoutException} once the
 * idle timeout has passed since the stream opened or since the last {@link #restartIdle()}, so
 * an event stream that is silent, or that trickles bytes without ever finishing an event, is
 * noticed.
 */
public final class ChannelInputStream extends InputStream {

    private final UnixConnection connection;
    private final Runnable onClose;
    private final Duration idleTimeout;
    private final ByteBuffer buffer;
    private volatile long idleDeadline;

    /**
     * A stream that returns {@code prefix[offset, offset + length)} first.
     *
     * @param connection the connection to read from once the prefix is used up
     * @param onClose what closes the connection, run by {@link #close()}
     * @param idleTimeout how long reads may go on after the last {@link #restartIdle()}
     * @param prefix bytes read already
     * @param offset where they start in {@code prefix}
     * @param length how many there are
     */
    public ChannelInputStream(UnixConnection connection, Runnable onClose, Duration idleTimeout,
            byte[] prefix, int offset, int length) {
        this.connection = connection;
        this.onClose = onClose;
        this.idleTimeout = idleTimeout;
        this.buffer = ByteBuffer.allocate(Math.max(8192, length));
        buffer.put(prefix, offset, length).flip();
        restartIdle();
    }

    /** Gives reads from now on another idle timeout. */
    public void restartIdle() {
        idleDeadline = Deadlines.deadline(System.nanoTime(), idleTimeout);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!buffer.hasRemaining()) {
            buffer.clear();
            int n;
            try {
                n = connection.readBy(buffer, idleDeadline, idleTimeout);
            } catch (WolfUnavailableException e) {
                if (e.timedOut()) {
                    SocketTimeoutException timeout = new SocketTimeoutException(e.getMessage());
                    timeout.initCause(e);
                    throw timeout;
                }
                throw new IOException(e.getMessage(), e);
            } finally {
                buffer.flip();
            }
            if (n < 0) {
                return -1;
            }
        }
        int take = Math.min(len, buffer.remaining());
        buffer.get(b, off, take);
        return take;
    }

    /** Closes the connection, which also aborts a read blocked in another thread. */
    @Override
    public void close() {
        onClose.run();
    }
}
