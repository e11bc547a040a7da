package dev.lobbygovernor.core.health;

import java.util.OptionalLong;

/**
 * What a streaming server counts of its own load (Wolf's {@code system/memory}, where it has
 * one). It does not depend on the GPU being readable, so it still shows that a host is busy
 * while GPU monitoring is lost.
 *
 * @param lobbies the lobbies the server says it runs
 * @param clients the streaming clients it says are connected
 * @param processMemoryBytes the server process's resident memory, if it said
 */
public record ServerUsage(int lobbies, int clients, OptionalLong processMemoryBytes) {

    /**
     * Validates the numbers.
     *
     * @param lobbies lobbies the server runs; not negative
     * @param clients connected streaming clients; not negative
     * @param processMemoryBytes the process's resident memory; not null, not negative if present
     * @throws IllegalArgumentException if a number is negative
     * @throws NullPointerException if {@code processMemoryBytes} is null
     */
    public ServerUsage {
        if (lobbies < 0 || clients < 0) {
            throw new IllegalArgumentException("lobby and client counts must not be negative");
        }
        if (processMemoryBytes.isPresent() && processMemoryBytes.getAsLong() < 0) {
            throw new IllegalArgumentException("process memory must not be negative");
        }
    }
}
