package dev.lobbygovernor.core.admission;

/**
 * Creates one lobby with the credentials a {@link Permit} hands it, for {@link Permit#create}.
 *
 * @param <E> the checked exception the creation may throw (such as {@code WolfException})
 */
@FunctionalInterface
public interface LobbyCreator<E extends Exception> {

    /**
     * Creates the lobby, named and protected exactly as {@code credentials} say.
     *
     * @param credentials the name and PIN the lobby must be created with
     * @return the runtime's id of the new lobby
     * @throws E if the runtime refused or failed; the lobby may still exist
     */
    String create(LobbyCredentials credentials) throws E;
}
