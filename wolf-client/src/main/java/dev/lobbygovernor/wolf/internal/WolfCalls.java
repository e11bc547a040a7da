package dev.lobbygovernor.wolf.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lobbygovernor.wolf.RetryPolicy;
import dev.lobbygovernor.wolf.TransportSettings;
import dev.lobbygovernor.wolf.WolfApiException;
import dev.lobbygovernor.wolf.WolfException;
import dev.lobbygovernor.wolf.WolfProtocolException;
import dev.lobbygovernor.wolf.WolfUnavailableException;
import dev.lobbygovernor.wolf.model.GenericReply;
import dev.lobbygovernor.wolf.model.WolfJson;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request through the transport, retries idempotent reads, and turns the reply into a
 * typed value or a typed failure. Keeps Wolf's own {@code error} text. Thread-safe.
 *
 * <p>Each call has one deadline by kind ({@link CallDeadline#of}) that covers its retries too:
 * a caller waits at most that long, however many attempts fit in it.
 */
public final class WolfCalls {

    private static final Logger log = LoggerFactory.getLogger(WolfCalls.class);
    private static final ObjectMapper JSON = WolfJson.mapper();

    /** Waits between retries; a seam for tests. */
    public interface Sleeper {

        /**
         * Waits.
         *
         * @param d how long
         * @throws InterruptedException if interrupted while waiting
         */
        void sleep(Duration d) throws InterruptedException;
    }

    private final WolfTransport transport;
    private final TransportSettings settings;
    private final RetryPolicy retry;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    /**
     * Calls through {@code transport}.
     *
     * @param transport carries the requests
     * @param settings the deadlines of each kind of call
     * @param retry how reads are retried
     * @param sleeper waits between retries
     * @param random the jitter of the waits, uniform in [0, 1)
     */
    public WolfCalls(WolfTransport transport, TransportSettings settings, RetryPolicy retry,
            Sleeper sleeper, DoubleSupplier random) {
        this.transport = transport;
        this.settings = settings;
        this.retry = retry;
        this.backoff = new Backoff(retry.initialBackoff(), retry.maxBackoff());
        this.sleeper = sleeper;
        this.random = random;
    }

    /**
     * The transport the calls go through.
     *
     * @return the transport
     */
    public WolfTransport transport() {
        return transport;
    }

    /**
     * GETs {@code path}; a 404 with an empty body (a route this Wolf lacks) gives empty.
     *
     * @param <T> the reply's type
     * @param path the API path
     * @param type the reply's type
     * @param success whether a decoded reply says it succeeded
     * @return the reply, or empty when this Wolf does not serve the route
     * @throws WolfException if the call fails or Wolf refuses
     */
    public <T> Optional<T> getIfServed(String path, Class<T> type, Predicate<T> success)
            throws WolfException {
        WolfResponse resp = send(WolfRequest.get(path));
        if (resp.status() == 404 && resp.bodyLength() == 0) {
            return Optional.empty();
        }
        return Optional.of(decode(resp, path, type, success));
    }

    /**
     * GETs {@code path}, retrying as the policy says when Wolf cannot be reached.
     *
     * @param <T> the reply's type
     * @param path the API path
     * @param type the reply's type
     * @param success whether a decoded reply says it succeeded
     * @return the reply
     * @throws WolfException if the call fails or Wolf refuses
     */
    public <T> T get(String path, Class<T> type, Predicate<T> success) throws WolfException {
        return decode(send(WolfRequest.get(path)), path, type, success);
    }

    /**
     * POSTs {@code body} as JSON to {@code path}, once.
     *
     * @param <T> the reply's type
     * @param path the API path
     * @param body the request, serialised with the wire model's mapper
     * @param type the reply's type
     * @param success whether a decoded reply says it succeeded
     * @return the reply
     * @throws WolfException if the call fails or Wolf refuses
     * @throws IllegalArgumentException if {@code body} cannot be serialised
     */
    public <T> T post(String path, Object body, Class<T> type, Predicate<T> success)
            throws WolfException {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // the message is not kept: it could quote a field of the body
            throw new IllegalArgumentException("cannot serialise " + body.getClass().getSimpleName());
        }
        return decode(send(WolfRequest.post(path, json)), path, type, success);
    }

    /**
     * POSTs {@code body} to an endpoint that answers {@code {"success":true}}.
     *
     * @param path the API path
     * @param body the request
     * @throws WolfException if the call fails or Wolf refuses
     */
    public void postExpectingSuccess(String path, Object body) throws WolfException {
        post(path, body, GenericReply.class, GenericReply::success);
    }

    private WolfResponse send(WolfRequest request) throws WolfException {
        int attempts = request.idempotent() ? retry.maxAttempts() : 1;
        CallDeadline deadline = CallDeadline.of(request, settings);
        for (int attempt = 1; ; attempt++) {
            try {
                WolfResponse resp = transport.exchange(request, deadline);
                if (isProxyGatewayFailure(resp)) {
                    throw new WolfUnavailableException("Proxy in front of Wolf at "
                            + transport.endpoint() + " answered HTTP " + resp.status()
                            + " for " + request.path() + ": Wolf is not reachable behind it",
                            resp.status() == 504, null);
                }
                return resp;
            } catch (WolfUnavailableException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                Duration wait = backoff.delay(attempt, random.getAsDouble());
                if (deadline.remainingNanos() <= wait.toNanos()) {
                    // no time left for another attempt within the call's deadline
                    throw e;
                }
                log.atDebug().addKeyValue("endpoint", transport.endpoint())
                        .addKeyValue("path", request.path()).addKeyValue("attempt", attempt)
                        .addKeyValue("retryInMs", wait.toMillis())
                        .log("Wolf unavailable, retrying read: {}", e.getMessage());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** 502–504 with a non-JSON body: the proxy answered, Wolf did not. */
    private static boolean isProxyGatewayFailure(WolfResponse resp) {
        int s = resp.status();
        return s >= 502 && s <= 504 && !looksLikeJson(resp);
    }

    private static boolean looksLikeJson(WolfResponse resp) {
        String text = resp.bodyText().stripLeading();
        return text.startsWith("{");
    }

    private <T> T decode(WolfResponse resp, String path, Class<T> type, Predicate<T> success)
            throws WolfException {
        if (resp.status() != 200) {
            throw refusal(resp, path);
        }
        T value;
        try {
            // straight from the read buffer: no copy, no stream wrapper
            value = JSON.readValue(resp.data(), resp.offset(), resp.bodyLength(), type);
        } catch (IOException e) {
            throw malformed(resp, path, type, e);
        }
        if (value == null) {
            throw new WolfProtocolException("Wolf replied null to " + path, "null", null);
        }
        if (!success.test(value)) {
            // the typed reply has no "error" field; read the body again for Wolf's text
            throw new WolfApiException(resp.status(), path, errorText(resp));
        }
        return value;
    }

    private static WolfApiException refusal(WolfResponse resp, String path) {
        return new WolfApiException(resp.status(), path, errorText(resp));
    }

    /** Wolf's {@code error} field, or an excerpt of a body that is not Wolf's JSON. */
    private static String errorText(WolfResponse resp) {
        if (resp.bodyLength() == 0) {
            return "";
        }
        try {
            GenericReply reply = JSON.readValue(resp.bodyStream(), GenericReply.class);
            if (reply != null && reply.error() != null) {
                return reply.error();
            }
        } catch (IOException | RuntimeException e) {
            // not Wolf's JSON (a proxy's error page, say): fall through to the excerpt
        }
        return Excerpts.of(resp.body());
    }

    private static WolfProtocolException malformed(WolfResponse resp, String path, Class<?> type,
            IOException e) {
        // Jackson's own message can quote input; only its kind and the field path are kept
        String kind = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? e.getClass().getSimpleName() + " at " + m.getPathReference()
                : e instanceof JsonProcessingException ? e.getClass().getSimpleName() : "I/O error";
        return new WolfProtocolException("Reply to " + path + " is not a valid "
                + type.getSimpleName() + " (" + kind + ")", Excerpts.of(resp.body()), null);
    }
}
