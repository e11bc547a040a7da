package dev.lobbygovernor.core.runtime.internal;

import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.SessionStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Stopping lobbies truthfully, the one way both the reaper and the governor's last resort do it:
 * {@link #send} each stop with the credentials the store holds, {@link #verify} by listing the
 * runtime again, and {@link #removeRecord} only for a lobby that listing shows gone. Every
 * message taken from the runtime is scrubbed of the PINs sent, because a runtime that echoes a
 * PIN in an error must not leak it into logs, outcomes or events.
 *
 * <p>Not API: public only so that the governor's package can share it. One instance per round of
 * stops on one host; not thread-safe.
 */
public final class VerifiedStop {

    /** What a verifying listing says of one stop. */
    public enum Verdict {
        /** The stop was acknowledged and the lobby is no longer listed. */
        STOPPED,
        /** The lobby is no longer listed, but the stop sent to it failed: someone else ended it. */
        ALREADY_GONE,
        /** The stop was acknowledged, yet the lobby is still listed. */
        STILL_RUNNING,
        /** The stop failed and the lobby is still listed. */
        STOP_FAILED,
        /** The runtime could not be listed again, so nothing is known. */
        UNVERIFIED
    }

    /**
     * One stop sent (or tried).
     *
     * @param lobbyId the lobby
     * @param acknowledged whether the runtime answered the stop without error
     * @param failure what kind of error the stop met, {@code null} if acknowledged (a runtime
     *     that throws something other than {@link LobbyRuntimeException} counts as
     *     {@link LobbyRuntimeException.Kind#PROTOCOL})
     * @param detail what the runtime said, scrubbed of the PIN; empty if acknowledged
     */
    public record Attempt(String lobbyId, boolean acknowledged, LobbyRuntimeException.Kind failure, String detail) {
    }

    /**
     * The listing made after the stops.
     *
     * @param lobbies what the runtime listed, {@code null} if it could not be listed
     * @param detail what went wrong, scrubbed of every PIN sent; empty if listed
     * @param ids the ids of {@code lobbies}, indexed once
     */
    public record Verification(List<LiveLobby> lobbies, String detail, Set<String> ids) {

        /**
         * Indexes the listing once, so that judging each of many stops against it is one lookup.
         *
         * @param lobbies what the runtime listed, {@code null} if it could not be listed
         * @param detail what went wrong, scrubbed of every PIN sent; empty if listed
         */
        public Verification(List<LiveLobby> lobbies, String detail) {
            this(lobbies, detail, idsOf(lobbies));
        }

        private static Set<String> idsOf(List<LiveLobby> lobbies) {
            if (lobbies == null) {
                return Set.of();
            }
            Set<String> ids = new HashSet<>(lobbies.size() * 2);
            for (LiveLobby l : lobbies) {
                ids.add(l.id());
            }
            return ids;
        }

        /**
         * Whether the runtime answered.
         *
         * @return true if the verifying listing succeeded
         */
        public boolean answered() {
            return lobbies != null;
        }

        /**
         * Whether the listing shows the lobby gone.
         *
         * @param lobbyId the lobby
         * @return true if the runtime answered and did not list it; false if it did not answer
         */
        public boolean showsGone(String lobbyId) {
            return answered() && !ids.contains(lobbyId);
        }

        /**
         * What this listing says of the attempt.
         *
         * @param attempt a stop sent before this listing
         * @return the verdict; {@link Verdict#UNVERIFIED} if the runtime did not answer
         */
        public Verdict verdictOf(Attempt attempt) {
            if (!answered()) {
                return Verdict.UNVERIFIED;
            }
            if (showsGone(attempt.lobbyId())) {
                return attempt.acknowledged() ? Verdict.STOPPED : Verdict.ALREADY_GONE;
            }
            return attempt.acknowledged() ? Verdict.STILL_RUNNING : Verdict.STOP_FAILED;
        }
    }

    private final LobbyRuntime runtime;
    private final SessionStore store;
    private final List<LobbyPin> pinsSent = new ArrayList<>();

    /**
     * A round of stops on one host.
     *
     * @param runtime the host's runtime
     * @param store where the records of the lobbies stopped are removed
     * @throws NullPointerException if either is null
     */
    public VerifiedStop(LobbyRuntime runtime, SessionStore store) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Sends one stop with the stored credentials; never throws. The PIN is remembered for the
     * rest of the round, so later messages are scrubbed of it too.
     *
     * @param lobbyId the lobby to stop
     * @param pin its stored PIN, empty for an open lobby
     * @return whether the runtime acknowledged the stop and, if not, what it said
     */
    public Attempt send(String lobbyId, Optional<LobbyPin> pin) {
        pin.ifPresent(pinsSent::add);
        try {
            runtime.stopLobby(lobbyId, pin);
            return new Attempt(lobbyId, true, null, "");
        } catch (LobbyRuntimeException e) {
            return new Attempt(lobbyId, false, e.kind(), scrub(e.getMessage()));
        } catch (RuntimeException e) {
            return new Attempt(lobbyId, false, LobbyRuntimeException.Kind.PROTOCOL,
                    e.getClass().getSimpleName() + ": " + scrub(e.getMessage()));
        }
    }

    /**
     * Lists the runtime once, to verify every stop sent so far; never throws.
     *
     * @return the listing, or one that did not answer (with what went wrong) if the runtime
     *     failed or returned null
     */
    public Verification verify() {
        try {
            List<LiveLobby> listed = runtime.listLobbies();
            if (listed == null) {
                return new Verification(null,
                        "could not list lobbies to verify the stop: listLobbies() returned null");
            }
            return new Verification(List.copyOf(listed), "");
        } catch (LobbyRuntimeException e) {
            return new Verification(null,
                    "could not list lobbies to verify the stop: " + scrub(e.getMessage()));
        } catch (RuntimeException e) {
            return new Verification(null, "could not list lobbies to verify the stop: "
                    + e.getClass().getSimpleName() + ": " + scrub(e.getMessage()));
        }
    }

    /**
     * Removes the record of a lobby the verification shows gone.
     *
     * @param verification a listing made after the lobby's stop was sent
     * @param lobbyId the lobby whose record to remove
     * @throws IllegalStateException if the verification does not show the lobby gone: a record is
     *     the only way to stop a lobby with its PIN, so it is never removed on hope
     * @throws dev.lobbygovernor.store.StoreException if the store fails (the record stays)
     */
    public void removeRecord(Verification verification, String lobbyId) {
        if (!verification.showsGone(lobbyId)) {
            throw new IllegalStateException("lobby " + lobbyId + " is not verified gone; its record stays");
        }
        store.removeLobby(lobbyId);
    }

    /** Runtime implementations must not echo the PIN; if one does, it still goes no further. */
    private String scrub(String message) {
        if (message == null) {
            return "";
        }
        Set<String> secrets = new HashSet<>();
        pinsSent.forEach(p -> secrets.add(p.reveal()));
        String out = message;
        for (String secret : secrets) {
            out = out.replace(secret, "****");
        }
        return out;
    }
}
