package dev.lobbygovernor.testing.planted.other;

import dev.lobbygovernor.testing.planted.concern.internal.Engine;

/** Planted violation: another concern reaches into the planted concern's internals. */
public final class Intruder {
    /** Runs someone else's engine. */
    public void run() {
        new Engine().run();
    }
}
