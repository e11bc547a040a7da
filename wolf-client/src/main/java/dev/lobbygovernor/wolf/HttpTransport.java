package dev.lobbygovernor.wolf;

import dev.lobbygovernor.wolf.internal.Excerpts;
import dev.lobbygovernor.wolf.internal.QueueBodySubscriber;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;

/**
 * Wolf behind a reverse proxy (such as nginx with {@code proxy_http_version 1.0}), over TCP or
 * TLS, on JDK's {@link HttpClient}, with an optional bearer token.
 *
 * <p>The {@code HttpClient} is built with the transport, and with it the client's own selector
 * thread (a daemon); pass an {@link Builder#executor executor} to run its callbacks on the
 * host's threads. The token is never shown by {@link #toString()} or in any message.
 */
public final class HttpTransport implements WolfTransport {

    private final URI base;
    private final Optional<String> bearerToken;
    private final TransportSettings settings;
    private final HttpClient client;

    private HttpTransport(Builder b) {
        this.base = b.base;
        this.bearerToken = b.bearerToken;
        this.settings = b.settings;
        HttpClient.Builder hb = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        b.executor.ifPresent(hb::executor);
        b.sslContext.ifPresent(hb::sslContext);
        this.client = hb.build();
    }

    /**
     * A builder for Wolf at {@code base}, such as {@code https://wolf.example.com} or
     * {@code https://proxy/wolf} (API paths are appended to the base path).
     */
    public static Builder builder(URI base) {
        return new Builder(base);
    }

    @Override
    public WolfResponse exchange(WolfRequest request)
            throws WolfUnavailableException, WolfProtocolException {
        HttpResponse<InputStream> resp = send(request, "application/json");
        try (InputStream body = resp.body()) {
            byte[] bytes = readCapped(body, request.path());
            return new WolfResponse(resp.statusCode(), headers(resp.headers()), bytes);
        } catch (IOException e) {
            throw unavailable(request.path(), e);
        }
    }

    @Override
    public WolfStream openStream(String path) throws WolfUnavailableException {
        HttpResponse<InputStream> resp = send(WolfRequest.get(path), "text/event-stream");
        return new WolfStream(resp.statusCode(), headers(resp.headers()), resp.body(),
                resp.body());
    }

    private HttpResponse<InputStream> send(WolfRequest request, String accept)
            throws WolfUnavailableException {
        HttpRequest.Builder rb = HttpRequest.newBuilder(resolve(request.path()))
                .timeout(settings.readTimeout())
                .header("Accept", accept);
        bearerToken.ifPresent(t -> rb.header("Authorization", "Bearer " + t));
        if (request.body() == null) {
            rb.GET();
        } else {
            rb.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.body()));
        }
        try {
            return client.send(rb.build(),
                    info -> new QueueBodySubscriber(settings.readTimeout()));
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

    /** Nothing to release: JDK 17's {@code HttpClient} frees its resources when unreferenced. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "HttpTransport[" + base + (bearerToken.isPresent() ? ", token=****" : "") + "]";
    }

    /** Builds an {@link HttpTransport}; validates on {@link #build()}. */
    public static final class Builder {
        private final URI base;
        private Optional<String> bearerToken = Optional.empty();
        private TransportSettings settings = TransportSettings.DEFAULTS;
        private Optional<Executor> executor = Optional.empty();
        private Optional<SSLContext> sslContext = Optional.empty();

        private Builder(URI base) {
            Objects.requireNonNull(base, "base");
            if (!List.of("http", "https").contains(String.valueOf(base.getScheme()))
                    || base.getHost() == null) {
                throw new IllegalArgumentException("base must be an http(s) URI with a host");
            }
            this.base = base;
        }

        /** Sends {@code Authorization: Bearer <token>} with every request. */
        public Builder bearerToken(String token) {
            if (token == null || token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new IllegalArgumentException("bearer token must be non-blank printable ASCII");
            }
            this.bearerToken = Optional.of(token);
            return this;
        }

        /** Timeouts and the reply size cap; {@link TransportSettings#DEFAULTS} if not set. */
        public Builder settings(TransportSettings s) {
            this.settings = Objects.requireNonNull(s, "settings");
            return this;
        }

        /** The executor for the client's callbacks; the client's default if not set. */
        public Builder executor(Executor e) {
            this.executor = Optional.of(e);
            return this;
        }

        /** The TLS context; the JDK default if not set. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Optional.of(context);
            return this;
        }

        /** The transport. */
        public HttpTransport build() {
            return new HttpTransport(this);
        }
    }
}
