package dev.lobbygovernor.wolf.testing;

import dev.lobbygovernor.wolf.WolfException;
import dev.lobbygovernor.wolf.WolfProtocolException;
import dev.lobbygovernor.wolf.WolfUnavailableException;
import dev.lobbygovernor.wolf.internal.CallDeadline;
import dev.lobbygovernor.wolf.internal.WolfRequest;
import dev.lobbygovernor.wolf.internal.WolfResponse;
import dev.lobbygovernor.wolf.internal.WolfStream;
import dev.lobbygovernor.wolf.internal.WolfTransport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** A transport that plays back scripted replies or failures and records every request. */
public final class ScriptedTransport implements WolfTransport {

    private final Deque<Object> script = new ArrayDeque<>();
    private final List<WolfRequest> requests = new ArrayList<>();

    /** Queues a reply with this status and JSON body. */
    public synchronized ScriptedTransport reply(int status, String json) {
        script.add(new WolfResponse(status, Map.of(), json.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** Queues a failure. */
    public synchronized ScriptedTransport fail(WolfException e) {
        script.add(e);
        return this;
    }

    /** Queues {@code n} "connection refused" failures. */
    public synchronized ScriptedTransport unavailable(int n) {
        for (int i = 0; i < n; i++) {
            fail(new WolfUnavailableException("refused (scripted)", false, null));
        }
        return this;
    }

    /** The requests sent so far. */
    public synchronized List<WolfRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public synchronized WolfResponse exchange(WolfRequest request, CallDeadline deadline)
            throws WolfUnavailableException, WolfProtocolException {
        requests.add(request);
        Object next = script.poll();
        if (next == null) {
            throw new AssertionError("no scripted reply for " + request);
        }
        if (next instanceof WolfUnavailableException e) {
            throw e;
        }
        if (next instanceof WolfProtocolException e) {
            throw e;
        }
        if (next instanceof WolfException e) {
            throw new AssertionError("a transport throws only unavailable or protocol", e);
        }
        return (WolfResponse) next;
    }

    @Override
    public WolfStream openStream(String path) throws WolfUnavailableException {
        throw new WolfUnavailableException("no streams in a scripted transport", false, null);
    }

    @Override
    public String endpoint() {
        return "scripted:";
    }

    @Override
    public void close() {
    }
}
