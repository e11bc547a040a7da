/**
 * A client for Wolf's HTTP API over its UNIX domain socket or over TCP/TLS behind a reverse
 * proxy, and the adapters that let the governor use Wolf as a
 * {@link dev.lobbygovernor.core.runtime.LobbyRuntime}, a
 * {@link dev.lobbygovernor.core.gpu.GpuProbe} and a
 * {@link dev.lobbygovernor.core.health.ServerReporter}.
 *
 * <p>This package is the API: {@link dev.lobbygovernor.wolf.WolfClient} and its builder, its
 * configuration ({@link dev.lobbygovernor.wolf.TransportSettings},
 * {@link dev.lobbygovernor.wolf.RetryPolicy}), its typed failures
 * ({@link dev.lobbygovernor.wolf.WolfException} and its three kinds), its events
 * ({@link dev.lobbygovernor.wolf.WolfEventListener},
 * {@link dev.lobbygovernor.wolf.EventSubscription}), the adapters
 * ({@link dev.lobbygovernor.wolf.WolfLobbyRuntime}, {@link dev.lobbygovernor.wolf.WolfGpuProbe},
 * {@link dev.lobbygovernor.wolf.WolfServerReporter})
 * and {@link dev.lobbygovernor.wolf.SocketPaths}. The wire model is in
 * {@code dev.lobbygovernor.wolf.model}; the transports and helpers behind the client are in
 * {@code dev.lobbygovernor.wolf.internal}, which is not API and may change in any release.
 */
package dev.lobbygovernor.wolf;
