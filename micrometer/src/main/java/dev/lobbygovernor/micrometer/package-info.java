/**
 * Micrometer meters for Lobby Governor: {@link dev.lobbygovernor.micrometer.LobbyGovernorMetrics}
 * is a {@code MeterBinder} with per-host gauges (lobbies, cap, warning threshold, health,
 * monitoring, reading age), per-GPU gauges, counters for admissions, cleanup outcomes and probe
 * failures, and a timer for probe latency. Micrometer is an optional dependency: the host's
 * registry brings it. The implementation lives in {@code dev.lobbygovernor.micrometer.internal}.
 */
package dev.lobbygovernor.micrometer;
