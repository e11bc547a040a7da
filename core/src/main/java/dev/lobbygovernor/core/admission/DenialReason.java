package dev.lobbygovernor.core.admission;

/** Why a host refused a lobby. */
public enum DenialReason {
    /** The static lobby cap is reached. */
    LOBBY_LIMIT,
    /** The cap derived from GPU memory is reached. */
    GPU_MEMORY,
    /**
     * One more client stream would pass the encoder session cap; the denial's {@code active()} and
     * {@code cap()} then count NVENC sessions, not lobbies.
     */
    ENCODER_SESSIONS,
    /** GPU monitoring is lost or unknown and the governor is configured to fail closed. */
    MONITORING_LOST,
    /** The host's lobbies cannot be listed, so they cannot be counted. */
    HOST_UNAVAILABLE,
    /**
     * The host's streaming server says in its own health report that it cannot take a new lobby
     * (it cannot create new pipelines); the host admits again once it reports otherwise.
     */
    SERVER_UNHEALTHY,
    /**
     * A GPU of the host had a fault that needs a reset or a reboot (see
     * {@link dev.lobbygovernor.core.health.HealthReason.GpuFaulted}); the host takes no new lobby
     * until the GPU recovers.
     */
    GPU_FAULT;

    /**
     * Whether closing a lobby on the host would make room (the host is merely full). Only such
     * denials carry idle-lobby suggestions and may trigger the last resort.
     *
     * @return true for {@link #LOBBY_LIMIT}, {@link #GPU_MEMORY} and {@link #ENCODER_SESSIONS}
     */
    public boolean isCapacity() {
        return this == LOBBY_LIMIT || this == GPU_MEMORY || this == ENCODER_SESSIONS;
    }
}
