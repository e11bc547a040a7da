package dev.lobbygovernor.core.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The streaming sessions a server runs and what holds each of them. A session is attached while
 * a lobby lists it or a client streams it; cleanup never touches an attached session.
 *
 * @param sessions every session listed, in the server's order
 * @param inLobbies the ids of sessions some running lobby lists as connected
 * @param clientsKnown whether the server said which clients stream; when it did not (a server
 *     without a client list), every session counts as attached, as nothing proves otherwise
 * @param streaming the ids of sessions whose client is streaming, by the server's client list
 */
public record SessionListing(List<LiveSession> sessions, Set<String> inLobbies, boolean clientsKnown,
        Set<String> streaming) {

    /**
     * Copies the collections.
     *
     * @param sessions every session listed; not null
     * @param inLobbies ids of sessions in a lobby; not null
     * @param clientsKnown whether the server said which clients stream
     * @param streaming ids of sessions whose client streams; not null
     * @throws NullPointerException if a collection is null
     */
    public SessionListing {
        sessions = List.copyOf(sessions);
        inLobbies = Set.copyOf(inLobbies);
        streaming = Set.copyOf(streaming);
    }

    /**
     * Whether a listed session is attached: a lobby lists it, its client streams, or the server
     * did not say which clients stream.
     *
     * @param session a session of this listing
     * @return true if cleanup must leave it alone
     */
    public boolean attached(LiveSession session) {
        Objects.requireNonNull(session, "session");
        return !clientsKnown || inLobbies.contains(session.id()) || streaming.contains(session.id());
    }
}
