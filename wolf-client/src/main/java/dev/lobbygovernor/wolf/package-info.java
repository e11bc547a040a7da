/**
 * A client for Wolf's HTTP API over its UNIX domain socket or over TCP/TLS behind a reverse
 * proxy, and the adapters that let the governor use Wolf as a
 * {@link dev.lobbygovernor.core.runtime.LobbyRuntime} and a
 * {@link dev.lobbygovernor.core.gpu.GpuProbe}.
 */
package dev.lobbygovernor.wolf;
