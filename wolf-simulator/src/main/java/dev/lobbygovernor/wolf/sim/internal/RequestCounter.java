package dev.lobbygovernor.wolf.sim.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts the requests read, in total and by method and path; survives restarts. */
final class RequestCounter {

    private final LongAdder total = new LongAdder();
    private final Map<String, LongAdder> byRoute = new ConcurrentHashMap<>();

    void record(HttpRequest request) {
        total.increment();
        byRoute.computeIfAbsent(key(request.method(), request.path()), k -> new LongAdder()).increment();
    }

    long total() {
        return total.sum();
    }

    long count(String method, String path) {
        LongAdder adder = byRoute.get(key(method, path));
        return adder == null ? 0 : adder.sum();
    }

    private static String key(String method, String path) {
        return method + " " + path;
    }
}
