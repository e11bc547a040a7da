package dev.lobbygovernor.micrometer.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The registries the binder was bound to. Events that come before the first bind are not
 * counted: a counter exists only in a registry.
 */
public final class Registries {

    private final List<MeterRegistry> bound = new CopyOnWriteArrayList<>();

    /**
     * Adds a registry.
     *
     * @param registry the registry
     */
    public void add(MeterRegistry registry) {
        bound.add(registry);
    }

    /**
     * Runs {@code action} on each registry bound so far.
     *
     * @param action what to register or increment
     */
    public void each(Consumer<MeterRegistry> action) {
        bound.forEach(action);
    }
}
