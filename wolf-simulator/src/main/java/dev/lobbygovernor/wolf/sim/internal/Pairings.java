package dev.lobbygovernor.wolf.sim.internal;

import dev.lobbygovernor.wolf.model.ClientSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Moonlight clients the simulated Wolf has paired and those waiting for a PIN. Wolf keeps
 * paired clients in its config file, so they survive a restart; requests waiting for a PIN live
 * in memory and do not. Every method is synchronized.
 */
final class Pairings {

    /**
     * The settings Wolf gives a client that never set its own: uid and gid 1000, no controller
     * override, every acceleration 1.0 (Wolf's {@code config::ClientSettings} defaults).
     */
    static final ClientSettings DEFAULT_SETTINGS = new ClientSettings(1000, 1000, List.of(), 1.0, 1.0, 1.0);

    /** A paired client as {@code GET /api/v1/clients} lists it. */
    record PairedClient(String clientId, String appStateFolder, ClientSettings settings) {
    }

    /** A client waiting for its PIN, as {@code GET /api/v1/pair/pending} lists it. */
    record PendingPair(String pairSecret, String clientIp) {
    }

    private final Map<String, PairedClient> paired = new LinkedHashMap<>();
    private final Map<String, PendingPair> pending = new LinkedHashMap<>();

    /** Pairs a new client, as a finished Moonlight pairing does; returns its id. */
    synchronized String pair() {
        String id;
        do {
            // Wolf's client id is a 64-bit hash of the client's certificate, written unsigned
            id = Long.toUnsignedString(ThreadLocalRandom.current().nextLong());
        } while (paired.containsKey(id));
        // Wolf names a new client's state folder after its id
        paired.put(id, new PairedClient(id, id, DEFAULT_SETTINGS));
        return id;
    }

    /** A client at {@code clientIp} asks to pair and waits for its PIN; returns the pair secret. */
    synchronized String requestPairing(String clientIp) {
        String secret = Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        pending.put(secret, new PendingPair(secret, clientIp));
        return secret;
    }

    /**
     * Hands the PIN to the client waiting under {@code pairSecret}. Wolf's API only passes the
     * PIN on and the Moonlight handshake checks it; the simulator has no handshake, so the
     * client is paired at once whatever the PIN.
     *
     * @return whether a client was waiting under that secret
     */
    synchronized boolean complete(String pairSecret) {
        if (pending.remove(pairSecret) == null) {
            return false;
        }
        pair();
        return true;
    }

    synchronized List<PairedClient> paired() {
        return new ArrayList<>(paired.values());
    }

    synchronized List<PendingPair> pending() {
        return new ArrayList<>(pending.values());
    }

    /** The settings of the paired client {@code clientId}, empty when no such client is paired. */
    synchronized Optional<ClientSettings> settingsOf(String clientId) {
        PairedClient client = clientId == null ? null : paired.get(clientId);
        return client == null ? Optional.empty() : Optional.of(client.settings());
    }

    /** Wolf restarted: requests waiting for a PIN are lost, paired clients are not. */
    synchronized void restart() {
        pending.clear();
    }
}
