/**
 * Health: samples each host's GPU, classifies what it reads, and tells the governor and the
 * host when monitoring is lost or comes back.
 *
 * <p>Build a {@link dev.lobbygovernor.core.health.HealthMonitor} with one
 * {@link dev.lobbygovernor.core.gpu.GpuProbe} per host, the governor's {@code capacity} as its
 * {@link dev.lobbygovernor.core.health.CapacitySource} and its {@code reportHealth} as the sink;
 * then {@link dev.lobbygovernor.core.health.HealthMonitor#start()} it or drive
 * {@link dev.lobbygovernor.core.health.HealthMonitor#pollOnce()} yourself. Each poll yields a
 * {@link dev.lobbygovernor.core.health.HostHealth}: a
 * {@link dev.lobbygovernor.core.health.HealthStatus} ordered by severity, and the
 * {@link dev.lobbygovernor.core.health.HealthReason}s behind it. Zero or empty readings while
 * lobbies run count as broken monitoring, never as an idle GPU.
 *
 * <p>A host's streaming server may also speak for itself: give the monitor a
 * {@link dev.lobbygovernor.core.health.ServerReporter} for the host, and each poll asks it for a
 * {@link dev.lobbygovernor.core.health.ServerReport} (its own
 * {@link dev.lobbygovernor.core.health.ServerHealth} and
 * {@link dev.lobbygovernor.core.health.ServerUsage}). A server that says it cannot create new
 * pipelines makes the host refuse admission; stuck threads are a warning; a server without such a
 * report is no failure. Its counts show what runs while the GPU cannot be read.
 *
 * <p>The decision itself is {@link dev.lobbygovernor.core.health.HealthClassifier}, a pure
 * function over a {@link dev.lobbygovernor.core.health.ProbeHistory}, the host's
 * {@link dev.lobbygovernor.core.health.HostCapacity} and the
 * {@link dev.lobbygovernor.core.health.HealthThresholds}. A
 * {@link dev.lobbygovernor.core.health.HealthListener} hears transitions; a
 * {@link dev.lobbygovernor.core.health.Remediation} (such as restarting the streaming server's
 * container) runs when monitoring stays lost, paced by
 * {@link dev.lobbygovernor.core.health.MonitorConfig}. The implementation lives in
 * {@code dev.lobbygovernor.core.health.internal}.
 */
package dev.lobbygovernor.core.health;
