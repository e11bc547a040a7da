package dev.lobbygovernor.wolf;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and limits shared by both transports. Immutable; validated when built.
 *
 * @param connectTimeout the longest wait to connect
 * @param readTimeout the longest wait for the next bytes of a reply; above Wolf's 20 s lobby
 *     setup wait by default, so a slow create is not cut short. For the event stream it is the
 *     longest silence tolerated (Wolf sends a keep-alive every 15 s)
 * @param maxResponseBytes the largest reply accepted, headers included
 */
public record TransportSettings(Duration connectTimeout, Duration readTimeout, int maxResponseBytes) {

    /** Default connect timeout: a local socket connects at once or not at all. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Default read timeout: Wolf waits up to 20 s for a lobby's setup before it replies. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** Default reply size cap: Wolf's lists are a few KiB; 8 MiB leaves room for big hosts. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
    /** The defaults. */
    public static final TransportSettings DEFAULTS = new TransportSettings(
            DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES);

    /** Requires positive timeouts and a cap of at least 1 KiB. */
    public TransportSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        if (maxResponseBytes < 1024) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1024");
        }
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** These settings with another connect timeout. */
    public TransportSettings withConnectTimeout(Duration timeout) {
        return new TransportSettings(timeout, readTimeout, maxResponseBytes);
    }

    /** These settings with another read timeout. */
    public TransportSettings withReadTimeout(Duration timeout) {
        return new TransportSettings(connectTimeout, timeout, maxResponseBytes);
    }

    /** These settings with another reply size cap. */
    public TransportSettings withMaxResponseBytes(int bytes) {
        return new TransportSettings(connectTimeout, readTimeout, bytes);
    }
}
