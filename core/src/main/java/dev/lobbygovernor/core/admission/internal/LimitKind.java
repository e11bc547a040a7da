package dev.lobbygovernor.core.admission.internal;

/** Which limit made a host refuse: the cap that binds, or the blind refusal. */
public enum LimitKind {
    /** The static count cap. */
    STATIC,
    /** The cap derived from GPU memory. */
    GPU_MEMORY,
    /** The encoder session cap, which counts client streams. */
    ENCODER_SESSIONS,
    /** Monitoring is lost and the host fails closed: every admission is refused. */
    BLIND_REFUSAL,
    /** The streaming server's own health report says it cannot take a new lobby. */
    SERVER_CRITICAL,
    /** A GPU is out of service until it recovers: every admission is refused. */
    GPU_FAULT
}
