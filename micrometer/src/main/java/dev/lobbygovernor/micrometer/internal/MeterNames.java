package dev.lobbygovernor.micrometer.internal;

/**
 * Every meter's name, in Micrometer's dot-separated form; each registry renders it its own way
 * (Prometheus: {@code lobbygovernor_host_lobbies_active}).
 */
public final class MeterNames {

    /** Lobbies running or reserved on a host. */
    public static final String HOST_LOBBIES_ACTIVE = "lobbygovernor.host.lobbies.active";
    /** A host's effective cap. */
    public static final String HOST_LOBBIES_CAP = "lobbygovernor.host.lobbies.cap";
    /** The count from which a host is nearly full. */
    public static final String HOST_LOBBIES_WARNING = "lobbygovernor.host.lobbies.warning.threshold";
    /** 1 for a host's current health status, 0 for the others (tag {@code status}). */
    public static final String HOST_HEALTH = "lobbygovernor.host.health";
    /** 1 while a host's GPU can be read plausibly, else 0. */
    public static final String HOST_MONITORING = "lobbygovernor.host.monitoring.working";
    /** Seconds since a host's last good GPU reading. */
    public static final String HOST_READING_AGE = "lobbygovernor.host.gpu.reading.age";
    /** GPU framebuffer memory in use, bytes. */
    public static final String GPU_MEMORY_USED = "lobbygovernor.gpu.memory.used";
    /** GPU framebuffer memory, bytes. */
    public static final String GPU_MEMORY_TOTAL = "lobbygovernor.gpu.memory.total";
    /** GPU utilisation, 0 to 1. */
    public static final String GPU_UTILIZATION = "lobbygovernor.gpu.utilization";
    /** Encoder utilisation, 0 to 1. */
    public static final String GPU_ENCODER_UTILIZATION = "lobbygovernor.gpu.encoder.utilization";
    /** Encoder sessions. */
    public static final String GPU_ENCODER_SESSIONS = "lobbygovernor.gpu.encoder.sessions";
    /** GPU temperature, degrees Celsius. */
    public static final String GPU_TEMPERATURE = "lobbygovernor.gpu.temperature";
    /** GPU power draw, watts. */
    public static final String GPU_POWER = "lobbygovernor.gpu.power";
    /** Admission decisions and permit ends (tags {@code outcome}, {@code reason}). */
    public static final String ADMISSIONS = "lobbygovernor.admissions";
    /** Cleanup outcomes (tags {@code kind}, {@code host}). */
    public static final String CLEANUP_OUTCOMES = "lobbygovernor.cleanup.outcomes";
    /** Failed GPU probe calls (tags {@code host}, {@code probe}, {@code cause}). */
    public static final String PROBE_FAILURES = "lobbygovernor.probe.failures";
    /** How long GPU probe calls take (tags {@code host}, {@code probe}, {@code result}). */
    public static final String PROBE_LATENCY = "lobbygovernor.probe.latency";

    private MeterNames() {
    }
}
