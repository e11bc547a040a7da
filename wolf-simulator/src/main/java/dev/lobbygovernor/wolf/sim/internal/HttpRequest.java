package dev.lobbygovernor.wolf.sim.internal;

import java.util.Map;
import java.util.Objects;

/**
 * One request as the simulated Wolf read it.
 *
 * @param method the request method, as sent ({@code GET}, {@code POST})
 * @param path the path without the query string
 * @param query the raw query string, empty when absent
 * @param headers header values by lower-case name (the last one wins, as in Wolf's parser)
 * @param body the body decoded as UTF-8, empty when there was no {@code Content-Length}
 */
record HttpRequest(String method, String path, String query, Map<String, String> headers,
        String body) {

    /** Copies the headers; requires every field. */
    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** Method and path, such as {@code POST /api/v1/lobbies/stop}; never the body. */
    @Override
    public String toString() {
        return method + " " + path;
    }
}
