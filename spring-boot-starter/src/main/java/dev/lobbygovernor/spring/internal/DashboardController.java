package dev.lobbygovernor.spring.internal;

import dev.lobbygovernor.dashboard.DashboardAssets;
import dev.lobbygovernor.dashboard.DashboardFeed;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the dashboard at {@code lobby-governor.dashboard.path}: the page with a trailing slash
 * (its files are asked for by relative URLs), the page's files and the status JSON below it.
 */
@RestController
public final class DashboardController {

    private static final String PATH = "${lobby-governor.dashboard.path:/lobby-governor/dashboard}";

    private final DashboardFeed feed;
    private final String path;

    /**
     * A controller over one feed.
     *
     * @param feed the status
     * @param path where the page is, without a trailing slash
     */
    public DashboardController(DashboardFeed feed, String path) {
        this.feed = feed;
        this.path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * Redirects the path without its slash to the page.
     *
     * @return a redirect
     */
    @GetMapping(PATH)
    public ResponseEntity<Void> withoutSlash() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(path + "/")).build();
    }

    /**
     * The page.
     *
     * @return the page
     */
    @GetMapping(PATH + "/")
    public ResponseEntity<byte[]> page() {
        return file(DashboardAssets.INDEX);
    }

    /**
     * One of the page's files, or the status JSON.
     *
     * @param name the file
     * @return the file, or 404
     */
    @GetMapping(PATH + "/{name}")
    public ResponseEntity<byte[]> file(@PathVariable("name") String name) {
        if (DashboardAssets.STATUS_PATH.equals(name)) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                    .body(feed.statusJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return DashboardAssets.asset(name)
                .map(a -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                        .header(HttpHeaders.CONTENT_TYPE, a.contentType()).body(a.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
