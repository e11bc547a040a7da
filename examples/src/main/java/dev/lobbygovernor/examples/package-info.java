/**
 * What a host application's developer reads and copies: {@link
 * dev.lobbygovernor.examples.WiringExample}, the wiring quoted in the README, and small runnable
 * examples with a {@code main} ({@link dev.lobbygovernor.examples.AdmissionExample}) that run
 * against the Wolf simulator on any machine. The operator command line is the {@code cli}
 * module's.
 *
 * <p>Nothing depends on this module; it uses the library's public API only.
 */
package dev.lobbygovernor.examples;
