/**
 * The {@link dev.lobbygovernor.store.SessionStore} contract test kit, published as this module's
 * test-jar: extend {@link dev.lobbygovernor.store.tck.SessionStoreContract} with a host's own
 * store and {@link dev.lobbygovernor.store.tck.SessionHooks} for its sessions to check every rule
 * of the SPI, concurrency included. Needs JUnit Jupiter only.
 */
package dev.lobbygovernor.store.tck;
