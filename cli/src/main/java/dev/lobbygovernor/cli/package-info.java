/**
 * The operator command line, {@code ./lobby-governor} ({@link dev.lobbygovernor.cli.Main}):
 * {@code demo} replays the incident on an embedded Wolf simulator, {@code doctor} reads and
 * classifies this machine's GPU, {@code lobbies} and {@code status} show what a real Wolf runs
 * and the governor's view of it. Parsed by picocli; the usage text is generated from the
 * commands' annotations.
 *
 * <p>An application, not a library: nothing depends on this module; it may use every other one
 * except the examples.
 */
package dev.lobbygovernor.cli;
