/**
 * The implementation behind {@link dev.lobbygovernor.core.health.HealthMonitor}: not API. Its
 * classes are public only so that the health package can use them; hosts must not, and they may
 * change or go without notice.
 *
 * <p>Here live the per-host watch (probe, history, health, and the log lines of its transitions),
 * the remediation runner that keeps remediation off the polling path, the containment of
 * listeners that throw, and the operator hints that the monitoring-lost log lines carry.
 */
package dev.lobbygovernor.core.health.internal;
