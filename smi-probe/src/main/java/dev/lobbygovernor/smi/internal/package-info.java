/**
 * The mechanics under the nvidia-smi probe: running a command with a deadline, capped output and
 * its whole process tree killed on timeout ({@link dev.lobbygovernor.smi.internal.ProcessRunner}),
 * and reading nvidia-smi's CSV shape and cells without giving them meaning. Not an API: only
 * {@code dev.lobbygovernor.smi} uses it, and it may change in any release.
 */
package dev.lobbygovernor.smi.internal;
