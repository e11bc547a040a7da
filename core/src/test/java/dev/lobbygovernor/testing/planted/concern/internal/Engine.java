package dev.lobbygovernor.testing.planted.concern.internal;

/** An internal class of the planted concern. */
public final class Engine {
    /** Runs. */
    public void run() {
    }
}
