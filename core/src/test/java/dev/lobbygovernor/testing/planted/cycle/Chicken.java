package dev.lobbygovernor.testing.planted.cycle;

/** Planted violation: uses {@link Egg}, which uses it back. */
public final class Chicken {
    Egg lay() {
        return new Egg();
    }
}
