package dev.lobbygovernor.wolf.internal;

import dev.lobbygovernor.wolf.TransportSettings;
import dev.lobbygovernor.wolf.WolfProtocolException;
import dev.lobbygovernor.wolf.WolfUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Wolf behind a reverse proxy (such as nginx with {@code proxy_http_version 1.0}), over TCP or
 * TLS, on JDK's {@link HttpClient}, with an optional bearer token.
 *
 * <p>The {@code HttpClient} is built with the transport, and with it the client's own selector
 * thread (a daemon, which JDK 17 ends once the client is unreachable: it has no close). The
 * token is never shown by {@link #toString()} or in any message.
 */
public final class HttpTransport implements WolfTransport {

    private final URI base;
    private final Optional<String> bearerToken;
    private final TransportSettings settings;
    private final HttpClient client;
    private volatile boolean closed;

    private HttpTransport(Builder b) {
        this.base = b.base;
        this.bearerToken = b.bearerToken;
        this.settings = b.settings;
        HttpClient.Builder hb = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        b.sslContext.ifPresent(hb::sslContext);
        this.client = hb.build();
    }

    /**
     * A builder for Wolf at {@code base}.
     *
     * @param base such as {@code https://wolf.example.com} or {@code https://proxy/wolf} (API
     *     paths are appended to the base path)
     * @return a new builder
     * @throws IllegalArgumentException if {@code base} is not an http(s) URI with a host
     */
    public static Builder builder(URI base) {
        return new Builder(base);
    }

    /**
     * Sends one request and reads the whole reply under its deadline by kind
     * ({@link CallDeadline#of}).
     *
     * @param request the request
     * @return the whole reply
     * @throws WolfUnavailableException if Wolf cannot be reached or does not answer in time
     * @throws WolfProtocolException if the reply is malformed or over the size cap
     */
    public WolfResponse exchange(WolfRequest request)
            throws WolfUnavailableException, WolfProtocolException {
        return exchange(request, CallDeadline.of(request, settings));
    }

    /**
     * {@inheritDoc}
     *
     * <p>The deadline bounds the whole call: the wait for the reply's head, then its whole body.
     */
    @Override
    public WolfResponse exchange(WolfRequest request, CallDeadline deadline)
            throws WolfUnavailableException, WolfProtocolException {
        HttpResponse<InputStream> resp = send(request, "application/json", deadline,
                new QueueBodySubscriber(deadline.timeout(), deadline.at()));
        try (InputStream body = resp.body()) {
            byte[] bytes = readCapped(body, request.path());
            return new WolfResponse(resp.statusCode(), headers(resp.headers()), bytes);
        } catch (IOException e) {
            throw unavailable(request.path(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The listing deadline bounds the wait for the reply's head; then reads wait until the
     * read timeout after the last whole frame.
     */
    @Override
    public WolfStream openStream(String path) throws WolfUnavailableException {
        WolfRequest request = WolfRequest.get(path);
        QueueBodySubscriber body = new QueueBodySubscriber(settings.readTimeout());
        HttpResponse<InputStream> resp = send(request, "text/event-stream",
                CallDeadline.of(request, settings), body);
        return new WolfStream(resp.statusCode(), headers(resp.headers()), resp.body(),
                resp.body(), body::restartIdle);
    }

    private HttpResponse<InputStream> send(WolfRequest request, String accept,
            CallDeadline deadline, QueueBodySubscriber body) throws WolfUnavailableException {
        if (closed) {
            throw new IllegalStateException("This Wolf client for " + base + " is closed");
        }
        long left = deadline.remainingNanos();
        if (left <= 0) {
            throw new WolfUnavailableException("Wolf at " + base + request.path()
                    + " did not answer within " + deadline.timeout().toMillis() + " ms", true, null);
        }
        HttpRequest.Builder rb = HttpRequest.newBuilder(resolve(request.path()))
                .timeout(Duration.ofNanos(left))
                .header("Accept", accept);
        bearerToken.ifPresent(t -> rb.header("Authorization", "Bearer " + t));
        if (request.body() == null) {
            rb.GET();
        } else {
            rb.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        }
        try {
            return client.send(rb.build(), info -> body);
        } catch (IOException e) {
            throw unavailable(request.path(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WolfUnavailableException("Interrupted while calling Wolf at " + base,
                    false, e);
        }
    }

    private byte[] readCapped(InputStream body, String path)
            throws IOException, WolfProtocolException {
        int cap = settings.maxResponseBytes();
        byte[] buf = new byte[8192];
        int len = 0;
        int n;
        while ((n = body.read(buf, len, buf.length - len)) >= 0) {
            len += n;
            if (len > cap) {
                throw new WolfProtocolException("Reply from Wolf at " + base + path
                        + " exceeds the " + cap + "-byte limit", Excerpts.of(buf, 0, len), null);
            }
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, Math.min(cap + 1, buf.length * 2));
            }
        }
        return len == buf.length ? buf : Arrays.copyOf(buf, len);
    }

    private URI resolve(String path) {
        String basePath = Objects.requireNonNullElse(base.getRawPath(), "");
        if (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        return base.resolve(basePath + path);
    }

    private static Map<String, String> headers(HttpHeaders headers) {
        Map<String, String> out = new HashMap<>();
        headers.map().forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.putIfAbsent(k.toLowerCase(Locale.ROOT), v.get(0));
            }
        });
        return out;
    }

    private WolfUnavailableException unavailable(String path, IOException e) {
        boolean timedOut = e instanceof HttpTimeoutException || e instanceof InterruptedIOException;
        String what = e instanceof HttpConnectTimeoutException
                ? "did not accept a connection in time"
                : timedOut ? "did not answer in time" : "could not be reached: " + e.getMessage();
        return new WolfUnavailableException("Wolf at " + base + path + " " + what, timedOut, e);
    }

    @Override
    public String endpoint() {
        return base.toString();
    }

    /**
     * Refuses further calls. JDK 17's {@code HttpClient} has no close: it frees its
     * connections and thread once unreachable.
     */
    @Override
    public void close() {
        closed = true;
    }

    /**
     * The base URI, the token masked.
     *
     * @return such as {@code HttpTransport[https://proxy/wolf, token=****]}
     */
    @Override
    public String toString() {
        return "HttpTransport[" + base + (bearerToken.isPresent() ? ", token=****" : "") + "]";
    }

    /** Builds an {@link HttpTransport}; each setter rejects a bad value at once. */
    public static final class Builder {
        private final URI base;
        private Optional<String> bearerToken = Optional.empty();
        private TransportSettings settings = TransportSettings.defaults();
        private Optional<SSLContext> sslContext = Optional.empty();

        private Builder(URI base) {
            Objects.requireNonNull(base, "base");
            if (!List.of("http", "https").contains(String.valueOf(base.getScheme()))
                    || base.getHost() == null) {
                throw new IllegalArgumentException("base must be an http(s) URI with a host");
            }
            this.base = base;
        }

        /**
         * Sends {@code Authorization: Bearer <token>} with every request.
         *
         * @param token the token: printable ASCII, no spaces
         * @return this builder
         * @throws IllegalArgumentException if the token is blank or could break a header line
         *     (the message never shows it)
         */
        public Builder bearerToken(String token) {
            if (token == null || token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("bearer token must be non-blank printable ASCII");
            }
            this.bearerToken = Optional.of(token);
            return this;
        }

        /**
         * Sets timeouts and the reply size cap; {@link TransportSettings#defaults()} if not set.
         *
         * @param s the settings
         * @return this builder
         * @throws NullPointerException if {@code s} is null
         */
        public Builder settings(TransportSettings s) {
            this.settings = Objects.requireNonNull(s, "settings");
            return this;
        }

        /**
         * Sets the TLS context; the JDK default if not set.
         *
         * @param context the context for {@code https} connections
         * @return this builder
         * @throws NullPointerException if {@code context} is null
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Optional.of(Objects.requireNonNull(context, "sslContext"));
            return this;
        }

        /**
         * The transport.
         *
         * @return a new transport with this builder's values
         */
        public HttpTransport build() {
            return new HttpTransport(this);
        }
    }
}
