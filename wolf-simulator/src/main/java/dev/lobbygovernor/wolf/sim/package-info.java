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
 * wire model ({@code dev.lobbygovernor.wolf.model}), so the two cannot drift apart (replies the
 * client does not model, pairing and the apps' pipeline texts, are written as JSON trees).
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
 * <p><b>Streaming sessions and pairing</b> follow Wolf's wire: a listed session carries
 * {@code app_id}, {@code client_id}, {@code client_ip}, {@code aes_key}, {@code aes_iv},
 * {@code rtsp_fake_ip}, {@code client_settings} and its video and audio mode, and its
 * {@code client_id} is its id (the paired client's id) — what {@code sessions/add} answers as
 * {@code session_id}, what {@code sessions/stop} takes ("Invalid session_id" otherwise), and what
 * a lobby's {@code connected_sessions} and {@code system/memory}'s clients list.
 * {@code sessions/add} refuses an app it does not have ("Invalid app_id") and a client that is
 * not paired ("Invalid client_id"). {@code /api/v1/clients}, {@code /api/v1/pair/pending} and
 * {@code /api/v1/pair/client} are served; paired clients survive a restart, as Wolf keeps them
 * in its config file. Every reply the simulator serves is checked against Wolf's published
 * OpenAPI schema by its tests.
 *
 * <p><b>Known differences from Wolf</b>, by design:
 * <ul>
 *   <li>Routes of Wolf's schema the simulator does not serve, answered 404 with an empty body:
 *       {@code apps/add}, {@code apps/delete}, {@code clients/settings}, {@code unpair/client},
 *       {@code profiles} (list, add, remove), {@code lobbies/pause} and {@code /resume},
 *       {@code sessions/start}, {@code /pause} and {@code /input}, {@code runners/start},
 *       {@code docker/images/*}, {@code openapi-schema} and {@code utils/get-icon}.</li>
 *   <li>A body Wolf cannot read is answered 500 with its JSON library's message; the simulator
 *       answers 500 with a message of its own that names the expected shape or the missing
 *       field, because Jackson's message can quote the input, and the input may hold a PIN.</li>
 *   <li>{@code sessions/add} requires {@code app_id} and {@code client_id}, as the helixml fork
 *       does; upstream Wolf makes them optional and invents a stand-in app and client.</li>
 *   <li>Joining a lobby with a session Wolf does not run is refused with Wolf's lobby handler's
 *       text; the simulator answers 500 "Invalid session ID".</li>
 *   <li>Pairing has no Moonlight handshake: {@code pair/client} pairs the waiting client at once,
 *       whatever the PIN; Wolf hands the PIN to the handshake, which checks it.</li>
 *   <li>Stops take effect before the reply: Wolf answers a lobby or session stop once its stop
 *       event fires and the lobby or stream ends shortly after; the simulator removes it
 *       first.</li>
 *   <li>The fork's {@code system/memory} figures are a model ({@link
 *       dev.lobbygovernor.wolf.sim.GpuModel} and fixed sizes per lobby and client), not the
 *       fork's estimates, and {@code encoder_average_fps} is written as a whole number where the
 *       fork writes a decimal; Wolf's 2 s cache of nvidia-smi results is not simulated (each
 *       read reflects the state now). The fork's {@code system/*} routes are not in Wolf's
 *       schema, so the schema check does not cover them.</li>
 *   <li>Events carry the lobby and session ids, never a PIN; a joining session must have been
 *       added first.</li>
 * </ul>
 */
package dev.lobbygovernor.wolf.sim;
