package dev.lobbygovernor.wolf.sim.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lobbygovernor.wolf.model.GenericReply;
import dev.lobbygovernor.wolf.model.WolfJson;
import java.util.List;

/**
 * The pairing endpoints: paired clients, clients waiting for a PIN, and handing one its PIN.
 * The client library has no pairing methods and so no model for these replies; they are
 * written as JSON trees in Wolf's shape.
 */
final class PairingRoutes {

    private final Pairings pairings;

    PairingRoutes(Pairings pairings) {
        this.pairings = pairings;
    }

    void register(Router router) {
        router.add("GET", "/api/v1/clients", r -> Bodies.ok(clients()))
                .add("GET", "/api/v1/pair/pending", r -> Bodies.ok(pending()))
                .add("POST", "/api/v1/pair/client", r -> LobbyRoutes.guarded(() -> pair(r)));
    }

    private ObjectNode clients() {
        ObjectNode reply = WolfJson.mapper().createObjectNode().put("success", true);
        ArrayNode list = reply.putArray("clients");
        for (Pairings.PairedClient c : pairings.paired()) {
            ObjectNode node = list.addObject().put("client_id", c.clientId())
                    .put("app_state_folder", c.appStateFolder());
            node.set("settings", WolfJson.mapper().valueToTree(c.settings()));
        }
        return reply;
    }

    private ObjectNode pending() {
        ObjectNode reply = WolfJson.mapper().createObjectNode().put("success", true);
        ArrayNode list = reply.putArray("requests");
        for (Pairings.PendingPair p : pairings.pending()) {
            list.addObject().put("pair_secret", p.pairSecret()).put("client_ip", p.clientIp());
        }
        return reply;
    }

    /** The PIN is read only to be required; like Wolf's API, it is never echoed or logged. */
    private HttpResponse pair(HttpRequest request) throws WolfError {
        ObjectNode body = Bodies.readRequiring(request, ObjectNode.class, List.of("pair_secret", "pin"));
        if (!body.get("pair_secret").isTextual() || !body.get("pin").isTextual()) {
            throw WolfError.refused("Invalid request body: expected pair_secret and pin as strings");
        }
        if (!pairings.complete(body.get("pair_secret").asText())) {
            throw WolfError.refused(WolfError.INVALID_PAIR_SECRET);
        }
        return Bodies.ok(GenericReply.ok());
    }
}
