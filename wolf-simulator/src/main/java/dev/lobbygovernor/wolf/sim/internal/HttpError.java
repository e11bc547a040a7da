package dev.lobbygovernor.wolf.sim.internal;

/**
 * A request the simulated Wolf refuses before routing it (oversized, chunked, unreadable); the
 * connection handler answers with {@link #response()}.
 */
final class HttpError extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient HttpResponse response;

    /** A refusal answered with {@code response}. */
    public HttpError(HttpResponse response, String message) {
        super(message);
        this.response = response;
    }

    /** What to answer. */
    public HttpResponse response() {
        return response;
    }
}
