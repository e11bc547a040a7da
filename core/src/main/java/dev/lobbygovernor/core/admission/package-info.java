/**
 * Admission control: decides, before a lobby is created, whether a streaming host can take it,
 * and counts it once it runs.
 *
 * <p>Build a {@link dev.lobbygovernor.core.admission.LobbyGovernor} over a
 * {@link dev.lobbygovernor.store.SessionStore} and one or more
 * {@link dev.lobbygovernor.core.admission.Host}s (each a runtime plus its
 * {@link dev.lobbygovernor.core.admission.HostLimits}). For every lobby, call
 * {@link dev.lobbygovernor.core.admission.LobbyGovernor#acquire} with an
 * {@link dev.lobbygovernor.core.admission.AdmissionRequest}; it grants a
 * {@link dev.lobbygovernor.core.admission.Permit} holding one slot. Create the lobby, then
 * {@link dev.lobbygovernor.core.admission.Permit#commit} it (which records its credentials) or
 * {@link dev.lobbygovernor.core.admission.Permit#close()} it to give the slot back; a permit
 * left open expires. A refusal is an
 * {@link dev.lobbygovernor.core.admission.AdmissionDeniedException} carrying one
 * {@link dev.lobbygovernor.core.admission.HostDenial} per host tried, each with its
 * {@link dev.lobbygovernor.core.admission.DenialReason}, count, cap and, when the host is merely
 * full, the idle lobbies a user might close.
 *
 * <p>A host's cap is the smallest of its static, GPU-memory and encoder caps; the GPU-memory cap
 * follows the health the monitor reports through
 * {@link dev.lobbygovernor.core.admission.LobbyGovernor#reportHealth}.
 * {@link dev.lobbygovernor.core.admission.GovernorConfig} sets permit lifetimes, what happens
 * while monitoring is lost ({@link dev.lobbygovernor.core.admission.BlindAdmission}) and the
 * optional {@link dev.lobbygovernor.core.admission.LastResort};
 * {@link dev.lobbygovernor.core.admission.LobbyGovernor#status()} reports every host for
 * dashboards. An {@link dev.lobbygovernor.core.admission.AdmissionListener} hears every grant,
 * refusal and permit end (metrics, audit), never a PIN.
 * The implementation lives in {@code dev.lobbygovernor.core.admission.internal}.
 */
package dev.lobbygovernor.core.admission;
