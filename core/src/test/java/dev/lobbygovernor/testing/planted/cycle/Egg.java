package dev.lobbygovernor.testing.planted.cycle;

/** Planted violation: uses {@link Chicken}, which uses it back. */
public final class Egg {
    Chicken hatch() {
        return new Chicken();
    }
}
