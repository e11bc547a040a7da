package dev.lobbygovernor.wolf.sim.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps method and path to a route. Like Wolf, an unknown method-and-path pair is answered 404
 * with an empty body, and the query string plays no part in matching.
 */
final class Router {

    /** One endpoint. */
    @FunctionalInterface
    interface Route {
        Reply handle(HttpRequest request);
    }

    private final Map<String, Route> routes = new HashMap<>();

    Router add(String method, String path, Route route) {
        routes.put(method + " " + path, route);
        return this;
    }

    Reply route(HttpRequest request) {
        Route route = routes.get(request.method() + " " + request.path());
        return route == null ? HttpResponse.empty(404) : route.handle(request);
    }
}
