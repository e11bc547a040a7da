/**
 * How the NVML probe reaches the driver: loading and binding {@code libnvidia-ml} once per JVM
 * (newest versioned symbols first), the process-wide NVML session, per-device reads into native
 * scratch memory, and NVML's return codes. Not an API: only {@code dev.lobbygovernor.nvml} uses
 * it, and it may change in any release.
 */
package dev.lobbygovernor.nvml.internal;
