/**
 * Runnable examples of Lobby Governor: the {@code ./lobby-governor} command line ({@link
 * dev.lobbygovernor.examples.Main}: {@code demo}, {@code doctor}, {@code lobbies},
 * {@code status}) and the wiring example quoted in the README.
 *
 * <p>Nothing depends on this module; it may use every other one.
 */
package dev.lobbygovernor.examples;
