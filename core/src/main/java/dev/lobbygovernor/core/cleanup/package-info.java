/**
 * Cleanup: stops the lobbies nobody should be paying GPU for, and reports truthfully what it
 * did.
 *
 * <p>Build a {@link dev.lobbygovernor.core.cleanup.LobbyReaper} over the
 * {@link dev.lobbygovernor.store.SessionStore} and each host's
 * {@link dev.lobbygovernor.core.runtime.LobbyRuntime}, then
 * {@link dev.lobbygovernor.core.cleanup.LobbyReaper#start()} it or call
 * {@link dev.lobbygovernor.core.cleanup.LobbyReaper#runOnce()} from a scheduler of your own.
 * Each cycle stops the lobbies whose session is gone, soft-deleted or idle past the timeout (a
 * {@link dev.lobbygovernor.core.cleanup.StopReason}), using the credentials the store keeps, and
 * removes a record only once a listing shows its lobby gone. Lobbies no record knows are
 * orphans: stopped or reported after a grace period.
 *
 * <p>Each action ends in a {@link dev.lobbygovernor.core.cleanup.CleanupOutcome} (a failed one
 * says its {@link dev.lobbygovernor.core.cleanup.FailureReason}), heard through a
 * {@link dev.lobbygovernor.core.cleanup.CleanupListener} and collected in the cycle's
 * {@link dev.lobbygovernor.core.cleanup.CycleReport}.
 * {@link dev.lobbygovernor.core.cleanup.ReaperConfig} sets the pacing, timeouts and retry
 * backoff. The implementation lives in {@code dev.lobbygovernor.core.cleanup.internal}.
 */
package dev.lobbygovernor.core.cleanup;
