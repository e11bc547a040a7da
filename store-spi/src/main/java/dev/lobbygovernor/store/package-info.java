/**
 * The session store SPI: {@link dev.lobbygovernor.store.SessionStore}, through which the governor
 * reads the host application's sessions and keeps its own lobby records (with the credentials
 * needed to stop a lobby), and {@link dev.lobbygovernor.store.InMemorySessionStore}, the embedded
 * implementation.
 *
 * <p>Hosts implement the SPI over their own database and check it with the contract test kit in
 * this module's test-jar ({@code dev.lobbygovernor.store.tck}). Nothing in this package logs.
 */
package dev.lobbygovernor.store;
