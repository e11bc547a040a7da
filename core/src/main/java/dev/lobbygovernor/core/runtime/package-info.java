/**
 * The streaming server as the library sees it: the SPI that lists the lobbies a host runs and
 * stops one.
 *
 * <p>{@link dev.lobbygovernor.core.runtime.LobbyRuntime} is implemented over Wolf's API by the
 * wolf-client module, and by an in-memory fake in tests. The governor counts what
 * {@link dev.lobbygovernor.core.runtime.LobbyRuntime#listLobbies()} returns (each a
 * {@link dev.lobbygovernor.core.runtime.LiveLobby}); cleanup and the last resort stop lobbies
 * with {@link dev.lobbygovernor.core.runtime.LobbyRuntime#stopLobby} and verify by listing
 * again. A failed call throws a {@link dev.lobbygovernor.core.runtime.LobbyRuntimeException}
 * whose kind says whether the server was reached at all.
 */
package dev.lobbygovernor.core.runtime;
