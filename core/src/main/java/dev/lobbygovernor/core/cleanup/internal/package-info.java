/**
 * The implementation behind {@link dev.lobbygovernor.core.cleanup.LobbyReaper}: not API. Its
 * classes are public only so that the cleanup package can use them; hosts must not, and they
 * may change or go without notice.
 *
 * <p>Here live the cycle that gathers each host's records, sessions and listing; the planner, a
 * pure function that decides what to stop, forget or report; the executor that carries out a
 * plan through the shared verified stop; the in-memory retry backoff and orphan sightings; and
 * the reporter that turns outcomes into log lines and listener calls.
 */
package dev.lobbygovernor.core.cleanup.internal;
