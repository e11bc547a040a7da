/**
 * A Wolf-compatible server for tests: {@link dev.lobbygovernor.wolf.sim.WolfSimulator}.
 *
 * <p>It listens on a real UNIX socket (and optionally TCP on 127.0.0.1) and speaks Wolf's
 * dialect: {@code HTTP/1.0 {code} OK} whatever the code, no {@code Content-Type} on JSON, the
 * connection closed after each reply, chunked requests refused, unknown routes 404 with an
 * empty body, oversized bodies 413, and errors as {@code {"success":false,"error":...}} with
 * 500 ("Invalid PIN", "Invalid lobby ID"). Lobbies, streaming sessions, apps, the SSE event
 * stream and the helixml fork's {@code /api/v1/system/memory} and {@code /health} are served
 * from memory and a {@link dev.lobbygovernor.wolf.sim.GpuModel}; the JSON is the client's own
 * wire model ({@code dev.lobbygovernor.wolf.model}), so the two cannot drift apart.
 *
 * <p>Incident knobs: {@code nvmlBreaksAt(n)} turns {@code gpu_stats} unavailable ("nvidia-smi
 * exited with code 255") from the n-th lobby until a restart; {@code gpuStackFailsAt(m)} makes
 * the m-th create fail with 500 and takes the server down (socket removed, every lobby lost)
 * until {@link dev.lobbygovernor.wolf.sim.WolfSimulator#restart()}. {@link
 * dev.lobbygovernor.wolf.sim.Faults} adds latency, dropped connections, garbage, truncated JSON
 * and requests never answered.
 *
 * <p>This package is the simulator's API: {@link dev.lobbygovernor.wolf.sim.WolfSimulator} and
 * its builder, {@link dev.lobbygovernor.wolf.sim.Faults} and
 * {@link dev.lobbygovernor.wolf.sim.Fault}, {@link dev.lobbygovernor.wolf.sim.GpuModel} and
 * {@link dev.lobbygovernor.wolf.sim.SimLobby}. The server behind it (sockets, request reader,
 * routes, state, event hub) is in {@code dev.lobbygovernor.wolf.sim.internal}, which is not API.
 *
 * <p>Simplifications, by design: Wolf's 2 s cache of nvidia-smi results is not simulated (each
 * read reflects the state now); events carry the lobby and session ids, never a PIN; a joining
 * session must have been added through {@code /api/v1/sessions/add}.
 */
package dev.lobbygovernor.wolf.sim;
