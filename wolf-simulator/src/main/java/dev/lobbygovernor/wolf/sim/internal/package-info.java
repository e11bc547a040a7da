/**
 * The server behind {@link dev.lobbygovernor.wolf.sim.WolfSimulator}; not API, and may change
 * in any release.
 *
 * <p>{@link dev.lobbygovernor.wolf.sim.internal.SimulatedWolf} wires it together: listening
 * sockets with one accept thread each and a pool that serves connections, a strict reader of
 * Wolf's HTTP/1.0 requests, a router to the lobby, session and system routes, the in-memory
 * state they share, the hub that fans events out to open event streams, and the
 * {@link dev.lobbygovernor.wolf.sim.internal.FaultPlan} the connection handlers consult.
 */
package dev.lobbygovernor.wolf.sim.internal;
