package dev.lobbygovernor.testing.planted.concern;

import dev.lobbygovernor.testing.planted.concern.internal.Engine;

/** Its own concern may use its internals. */
public final class Facade {
    /** Runs the engine. */
    public void run() {
        new Engine().run();
    }
}
