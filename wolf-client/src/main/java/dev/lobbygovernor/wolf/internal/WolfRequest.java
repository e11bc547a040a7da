package dev.lobbygovernor.wolf.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * One HTTP request to Wolf's API, as a transport sends it.
 *
 * <p>The body may carry a lobby PIN, so {@link #toString()} shows only the method, path and body
 * length.
 *
 * @param method {@code GET} or {@code POST}
 * @param path the API path, such as {@code /api/v1/lobbies}; must start with {@code /} and hold
 *     no spaces or control characters
 * @param body the JSON body, or {@code null} for none
 */
public record WolfRequest(String method, String path, byte[] body) {

    /**
     * Validates the method and path, so nothing can inject a header line.
     *
     * @param method {@code GET} or {@code POST}
     * @param path the API path, such as {@code /api/v1/lobbies}; must start with {@code /} and hold
     *     no spaces or control characters
     * @param body the JSON body, or {@code null} for none
     */
    public WolfRequest {
        if (!"GET".equals(method) && !"POST".equals(method)) {
            throw new IllegalArgumentException("method must be GET or POST");
        }
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || path.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw new IllegalArgumentException("path must start with '/' and be printable ASCII");
        }
    }

    /**
     * A GET.
     *
     * @param path the API path
     * @return the request
     * @throws IllegalArgumentException if the path does not start with {@code /} or holds a
     *     space or control character
     */
    public static WolfRequest get(String path) {
        return new WolfRequest("GET", path, null);
    }

    /**
     * A POST of a JSON body.
     *
     * @param path the API path
     * @param json the body
     * @return the request
     * @throws IllegalArgumentException if the path does not start with {@code /} or holds a
     *     space or control character
     */
    public static WolfRequest post(String path, byte[] json) {
        return new WolfRequest("POST", path, Objects.requireNonNull(json, "json"));
    }

    /**
     * Whether repeating the request is harmless: only GETs are retried.
     *
     * @return true for a GET
     */
    public boolean idempotent() {
        return "GET".equals(method);
    }

    /**
     * Method, path and body length only: the body may carry a PIN.
     *
     * @return such as {@code POST /api/v1/lobbies/stop (31 bytes)}
     */
    @Override
    public String toString() {
        return method + " " + path + (body == null ? "" : " (" + body.length + " bytes)");
    }

    /**
     * Compares by content, the body's bytes included.
     *
     * @param o the object to compare with
     * @return true for a request with the same method, path and body
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof WolfRequest r && method.equals(r.method) && path.equals(r.path)
                && Arrays.equals(body, r.body);
    }

    /**
     * A hash of the method, path and body's bytes.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(method, path, Arrays.hashCode(body));
    }
}
