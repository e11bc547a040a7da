package dev.lobbygovernor.wolf;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and limits of the transport under a {@link WolfClient}, the same for Wolf's UNIX
 * socket and for Wolf behind a reverse proxy. Immutable; every value is checked when set.
 * Start from {@link #defaults()} or {@link #builder()}.
 *
 * <pre>{@code
 * TransportSettings settings = TransportSettings.builder()
 *         .requestTimeout(Duration.ofSeconds(10))
 *         .build();
 * }</pre>
 *
 * <p>Each kind of wait has its own limit. {@link #connectTimeout()} bounds making the
 * connection. A whole call (connect, send and the whole reply, however slowly its bytes trickle
 * in) has a deadline by kind: {@link #listingTimeout()} for a read (a listing, Wolf's system
 * reports, the event stream's handshake), short, since callers such as admission wait on it;
 * {@link #requestTimeout()} for a call that changes state, long, since Wolf answers a create
 * only once the lobby's setup is done. {@link #readTimeout()} bounds the time between two
 * events (or keep-alives) on the one reply that never ends, Wolf's event stream.
 */
public final class TransportSettings {

    /** Default connect timeout: a local socket connects at once or not at all. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Default request timeout: Wolf waits up to 20 s for a lobby's setup before it answers a
     * create, so a whole call may take 30 s.
     */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Default deadline of a read such as a listing: Wolf lists from memory in milliseconds, so
     * 5 s is a Wolf that is stuck, not a slow one.
     */
    public static final Duration DEFAULT_LISTING_TIMEOUT = Duration.ofSeconds(5);
    /** Default read timeout of the event stream: Wolf sends a keep-alive every 15 s. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** Default reply size cap: Wolf's lists are a few KiB; 8 MiB leaves room for big hosts. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
    /** The smallest reply size cap accepted: below it a reply head alone may not fit. */
    public static final int MIN_RESPONSE_BYTES = 1024;

    private static final TransportSettings DEFAULTS = builder().build();

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration listingTimeout;
    private final Duration readTimeout;
    private final int maxResponseBytes;

    private TransportSettings(Builder b) {
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.listingTimeout = b.listingTimeout;
        this.readTimeout = b.readTimeout;
        this.maxResponseBytes = b.maxResponseBytes;
    }

    /**
     * The defaults: every value as its {@code DEFAULT_} constant.
     *
     * @return the default settings
     */
    public static TransportSettings defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from these settings.
     *
     * @return a new builder holding these values
     */
    public Builder toBuilder() {
        return new Builder().connectTimeout(connectTimeout).requestTimeout(requestTimeout)
                .listingTimeout(listingTimeout).readTimeout(readTimeout).maxResponseBytes(maxResponseBytes);
    }

    /**
     * The longest wait to connect. The connection is part of the call, so it is also bounded
     * by {@link #requestTimeout()}, whichever ends first.
     *
     * @return the connect timeout, positive
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * The deadline of a whole call that changes state (create, stop, join, leave): connect,
     * send the request, read the whole reply. A server that answers one byte at a time still
     * hits it. It also caps {@link #listingTimeout()}: no call has a longer deadline.
     *
     * @return the request timeout, positive
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * The deadline of a whole read (a GET: lobbies, sessions, apps, Wolf's system and GPU
     * reports), read retries included, and of the event stream's handshake (connect, request and
     * the reply's head). A read's deadline is the shorter of this and {@link #requestTimeout()}.
     *
     * @return the listing timeout, positive
     */
    public Duration listingTimeout() {
        return listingTimeout;
    }

    /**
     * The deadline a read actually gets: the shorter of {@link #listingTimeout()} and
     * {@link #requestTimeout()}.
     *
     * @return the effective deadline of a read, positive
     */
    public Duration effectiveListingTimeout() {
        return listingTimeout.compareTo(requestTimeout) <= 0 ? listingTimeout : requestTimeout;
    }

    /**
     * The longest the event stream may go without a complete event or keep-alive, after which
     * it is reconnected: Wolf sends a {@code :keepalive} comment every 15 s, so a stream with
     * nothing whole for longer is dead, however many stray bytes it sends. Other calls are
     * bounded by their deadlines instead.
     *
     * @return the read timeout, positive
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * The largest reply accepted, headers included; a larger one is a protocol error.
     *
     * @return the cap in bytes, at least {@link #MIN_RESPONSE_BYTES}
     */
    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * Whether {@code o} holds the same values.
     *
     * @param o the object to compare with
     * @return true for settings with equal values
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof TransportSettings s && connectTimeout.equals(s.connectTimeout)
                && requestTimeout.equals(s.requestTimeout)
                && listingTimeout.equals(s.listingTimeout) && readTimeout.equals(s.readTimeout)
                && maxResponseBytes == s.maxResponseBytes;
    }

    /**
     * A hash of the values.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(connectTimeout, requestTimeout, listingTimeout, readTimeout, maxResponseBytes);
    }

    /**
     * Every value, for logs.
     *
     * @return such as {@code TransportSettings[connectTimeout=PT2S, ...]}
     */
    @Override
    public String toString() {
        return "TransportSettings[connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + ", listingTimeout=" + listingTimeout + ", readTimeout="
                + readTimeout + ", maxResponseBytes="
                + maxResponseBytes + "]";
    }

    /** Builds {@link TransportSettings}; each setter rejects a bad value at once. */
    public static final class Builder {
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration listingTimeout = DEFAULT_LISTING_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private int maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder() {
        }

        /**
         * Sets the connect timeout; default {@link #DEFAULT_CONNECT_TIMEOUT}.
         *
         * @param timeout the longest wait to connect
         * @return this builder
         * @throws NullPointerException if {@code timeout} is null
         * @throws IllegalArgumentException if {@code timeout} is not positive
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Sets the deadline of a whole call; default {@link #DEFAULT_REQUEST_TIMEOUT}. Keep it
         * above 20 s if this client creates lobbies: Wolf answers a create only once the
         * lobby's setup finished or its own 20 s wait ran out.
         *
         * @param timeout the longest a call may take
         * @return this builder
         * @throws NullPointerException if {@code timeout} is null
         * @throws IllegalArgumentException if {@code timeout} is not positive
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * Sets the deadline of a read and of the event stream's handshake; default
         * {@link #DEFAULT_LISTING_TIMEOUT}. A value above {@link #requestTimeout(Duration)}
         * has no effect beyond it.
         *
         * @param timeout the longest a read may take, retries included
         * @return this builder
         * @throws NullPointerException if {@code timeout} is null
         * @throws IllegalArgumentException if {@code timeout} is not positive
         */
        public Builder listingTimeout(Duration timeout) {
            this.listingTimeout = positive(timeout, "listingTimeout");
            return this;
        }

        /**
         * Sets the longest the event stream may go without a complete event or keep-alive;
         * default {@link #DEFAULT_READ_TIMEOUT}. Keep it above Wolf's 15 s keep-alive interval.
         *
         * @param timeout the longest wait for the next event or keep-alive
         * @return this builder
         * @throws NullPointerException if {@code timeout} is null
         * @throws IllegalArgumentException if {@code timeout} is not positive
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * Sets the reply size cap; default {@link #DEFAULT_MAX_RESPONSE_BYTES}.
         *
         * @param bytes the largest reply accepted, headers included
         * @return this builder
         * @throws IllegalArgumentException if below {@link #MIN_RESPONSE_BYTES}
         */
        public Builder maxResponseBytes(int bytes) {
            if (bytes < MIN_RESPONSE_BYTES) {
                throw new IllegalArgumentException("maxResponseBytes must be at least "
                        + MIN_RESPONSE_BYTES + ", was " + bytes);
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * The settings.
         *
         * @return immutable settings with this builder's values
         */
        public TransportSettings build() {
            return new TransportSettings(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
