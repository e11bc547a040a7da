package dev.lobbygovernor.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The dashboard's page and the files it loads, read from this jar. Serve them under one path
 * that ends with a slash, next to the status JSON at {@value #STATUS_PATH}: the page asks for
 * both by relative URLs, so it works under any prefix.
 */
public final class DashboardAssets {

    /** The page itself, served for the folder's own URL. */
    public static final String INDEX = "index.html";
    /** Where the page polls the status JSON, relative to itself. */
    public static final String STATUS_PATH = "status.json";
    /** The JSON's content type. */
    public static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

    private static final Map<String, String> TYPES = Map.of(
            INDEX, "text/html; charset=utf-8",
            "dashboard.css", "text/css; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8");

    private DashboardAssets() {
    }

    /**
     * A file of the dashboard.
     *
     * @param name the file's name, as the page asks for it
     * @param contentType its HTTP content type
     * @param bytes its content
     */
    public record Asset(String name, String contentType, byte[] bytes) {
        /**
         * Validates the fields.
         *
         * @param name the name; not null
         * @param contentType the content type; not null
         * @param bytes the content; not null
         */
        public Asset {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * One of the dashboard's files; only the page's own files are served, whatever is asked.
     *
     * @param name the file's name; an empty name is the page
     * @return the file, or empty if it is not one of the dashboard's
     * @throws UncheckedIOException if the jar cannot be read
     */
    public static Optional<Asset> asset(String name) {
        String file = name == null || name.isEmpty() ? INDEX : name;
        String type = TYPES.get(file);
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = DashboardAssets.class.getResourceAsStream("assets/" + file)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new Asset(file, type, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the dashboard's " + file, e);
        }
    }
}
