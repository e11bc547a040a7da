package dev.lobbygovernor.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lobbygovernor.dashboard.DashboardAssets;
import dev.lobbygovernor.dashboard.DashboardFeed;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard over the JDK's own HTTP server: the page's files at {@code /} and the status
 * JSON at {@code /status.json}. It serves a person or two, so one thread is plenty, and it
 * needs nothing beyond the JDK.
 */
final class DashboardServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DashboardServer.class);

    private final HttpServer server;
    private final ExecutorService executor;

    private DashboardServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Serves {@code feed} at {@code address} (port 0: any free port).
     *
     * @throws IOException if the address cannot be bound
     */
    static DashboardServer start(DashboardFeed feed, InetSocketAddress address) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        server.createContext("/", exchange -> handle(feed, exchange));
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lobby-governor-dashboard");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return new DashboardServer(server, executor);
    }

    /** The page's address. */
    URI uri() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/");
    }

    private static void handle(DashboardFeed feed, HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String name = path.startsWith("/") ? path.substring(1) : path;
            if (DashboardAssets.STATUS_PATH.equals(name)) {
                send(exchange, 200, DashboardAssets.JSON_CONTENT_TYPE, statusOrError(feed));
                return;
            }
            Optional<DashboardAssets.Asset> asset = DashboardAssets.asset(name);
            if (asset.isEmpty()) {
                send(exchange, 404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(exchange, 200, asset.get().contentType(), asset.get().bytes());
        }
    }

    private static byte[] statusOrError(DashboardFeed feed) {
        try {
            return feed.statusJson().getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            // the page shows the last status it had and says it cannot read a new one
            log.atWarn().setCause(e).log("Cannot build the dashboard's status");
            throw e;
        }
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
