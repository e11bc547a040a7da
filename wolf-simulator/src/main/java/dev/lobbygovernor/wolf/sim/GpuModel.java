package dev.lobbygovernor.wolf.sim;

import java.util.Objects;

/**
 * The simulated GPU: what {@code /api/v1/system/memory} reports as {@code gpu_stats} for a
 * given number of running lobbies. Memory and encoder sessions grow linearly with lobbies;
 * utilisation and temperature follow simple documented formulas, so tests can predict every
 * field.
 *
 * @param name the product name nvidia-smi would print
 * @param totalMemoryMiB total memory in MiB
 * @param idleMemoryUsedMiB memory used with no lobby (driver, display, Wolf itself)
 * @param memoryPerLobbyMiB memory each lobby adds (compositor, encoder, app)
 * @param encoderSessionsPerLobby NVENC sessions each lobby adds
 * @param utilizationPerLobbyPercent GPU utilisation each lobby adds, capped at 100
 */
public record GpuModel(
        String name,
        long totalMemoryMiB,
        long idleMemoryUsedMiB,
        long memoryPerLobbyMiB,
        int encoderSessionsPerLobby,
        int utilizationPerLobbyPercent) {

    /** The incident's card: an NVIDIA RTX 2000 Ada Generation with 16380 MiB. */
    public static final String RTX_2000_ADA_NAME = "NVIDIA RTX 2000 Ada Generation";
    /** Total memory of the incident's card, as nvidia-smi reported it. */
    public static final long RTX_2000_ADA_TOTAL_MIB = 16380;
    /**
     * Idle use chosen so that six lobbies use 6720 MiB, the host reading taken after the
     * incident (420 + 6 × 1050).
     */
    public static final long RTX_2000_ADA_IDLE_MIB = 420;
    /** Per-lobby memory chosen with {@link #RTX_2000_ADA_IDLE_MIB}: six lobbies use 6720 MiB. */
    public static final long RTX_2000_ADA_PER_LOBBY_MIB = 1050;
    /** Idle temperature in °C; each lobby adds {@link #DEGREES_PER_LOBBY}, capped at 90. */
    public static final int IDLE_TEMPERATURE_C = 38;
    /** Degrees each lobby adds to the idle temperature. */
    public static final int DEGREES_PER_LOBBY = 4;
    private static final int MAX_TEMPERATURE_C = 90;

    /**
     * Validates every field.
     *
     * @param name the product name nvidia-smi would print
     * @param totalMemoryMiB total memory in MiB
     * @param idleMemoryUsedMiB memory used with no lobby (driver, display, Wolf itself)
     * @param memoryPerLobbyMiB memory each lobby adds (compositor, encoder, app)
     * @param encoderSessionsPerLobby NVENC sessions each lobby adds
     * @param utilizationPerLobbyPercent GPU utilisation each lobby adds, capped at 100
     */
    public GpuModel {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("GPU name must not be blank");
        }
        if (totalMemoryMiB <= 0) {
            throw new IllegalArgumentException("totalMemoryMiB must be positive");
        }
        if (idleMemoryUsedMiB < 0 || idleMemoryUsedMiB > totalMemoryMiB) {
            throw new IllegalArgumentException("idleMemoryUsedMiB must lie in 0..totalMemoryMiB");
        }
        if (memoryPerLobbyMiB < 0 || encoderSessionsPerLobby < 0) {
            throw new IllegalArgumentException("per-lobby figures must not be negative");
        }
        if (utilizationPerLobbyPercent < 0 || utilizationPerLobbyPercent > 100) {
            throw new IllegalArgumentException("utilizationPerLobbyPercent must lie in 0..100");
        }
    }

    /**
     * The incident's RTX 2000 Ada: 16380 MiB, 420 MiB idle, 1050 MiB and one NVENC session
     * per lobby, 12 % utilisation per lobby.
     *
     * @return the model of the incident's card
     */
    public static GpuModel rtx2000Ada() {
        return new GpuModel(RTX_2000_ADA_NAME, RTX_2000_ADA_TOTAL_MIB, RTX_2000_ADA_IDLE_MIB,
                RTX_2000_ADA_PER_LOBBY_MIB, 1, 12);
    }

    /**
     * Memory used with {@code lobbies} running, never above the total.
     *
     * @param lobbies lobbies running
     * @return memory used in MiB
     */
    public long memoryUsedMiB(int lobbies) {
        return Math.min(totalMemoryMiB, idleMemoryUsedMiB + (long) lobbies * memoryPerLobbyMiB);
    }

    /**
     * NVENC sessions with {@code lobbies} running.
     *
     * @param lobbies lobbies running
     * @return encoder sessions
     */
    public int encoderSessions(int lobbies) {
        return lobbies * encoderSessionsPerLobby;
    }

    /**
     * GPU utilisation with {@code lobbies} running.
     *
     * @param lobbies lobbies running
     * @return utilisation in percent, capped at 100
     */
    public int gpuUtilizationPercent(int lobbies) {
        return Math.min(100, lobbies * utilizationPerLobbyPercent);
    }

    /**
     * Memory-controller utilisation: the used share of total memory.
     *
     * @param lobbies lobbies running
     * @return utilisation in percent
     */
    public int memoryUtilizationPercent(int lobbies) {
        return (int) (memoryUsedMiB(lobbies) * 100 / totalMemoryMiB);
    }

    /**
     * Temperature with {@code lobbies} running.
     *
     * @param lobbies lobbies running
     * @return the temperature in °C, capped at 90
     */
    public int temperatureC(int lobbies) {
        return Math.min(MAX_TEMPERATURE_C, IDLE_TEMPERATURE_C + lobbies * DEGREES_PER_LOBBY);
    }
}
