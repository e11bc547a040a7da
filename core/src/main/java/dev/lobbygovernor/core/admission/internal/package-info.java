/**
 * The implementation behind {@link dev.lobbygovernor.core.admission.LobbyGovernor}: not API. Its
 * classes are public only so that the admission package can use them; hosts must not, and they
 * may change or go without notice.
 *
 * <p>Here live each host's state and exact lobby count under one lock (the ledger, its lobby
 * book and reservations), the effective-cap decision, the permits the governor grants, the
 * denials and their messages, the last resort's stopper, and the status report.
 */
package dev.lobbygovernor.core.admission.internal;
