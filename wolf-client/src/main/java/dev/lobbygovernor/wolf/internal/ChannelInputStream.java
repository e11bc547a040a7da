package dev.lobbygovernor.wolf.internal;

import dev.lobbygovernor.wolf.WolfUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * The rest of a {@link UnixConnection} as an {@link InputStream}: first the bytes already read
 * past the reply head, then the channel. A read that waits longer than the idle timeout throws
 * {@link SocketTimeoutException}, so a silent event stream is noticed.
 */
public final class ChannelInputStream extends InputStream {

    private final UnixConnection connection;
    private final Runnable onClose;
    private final Duration idleTimeout;
    private final ByteBuffer buffer;

    /**
     * A stream that returns {@code prefix[offset, offset + length)} first.
     *
     * @param connection the connection to read from once the prefix is used up
     * @param onClose what closes the connection, run by {@link #close()}
     * @param idleTimeout the longest wait of one read
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
                n = connection.readWithin(buffer, idleTimeout);
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
