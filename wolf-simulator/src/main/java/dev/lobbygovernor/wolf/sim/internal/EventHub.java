package dev.lobbygovernor.wolf.sim.internal;

import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Fans events out to the open {@code GET /api/v1/events} streams. Each subscriber has its own
 * queue of ready-made SSE frames, so a slow client never blocks a request handler.
 */
final class EventHub {

    /** Put in a queue to tell its stream to end (restart, close). */
    static final String END = "\u0000end";

    private final Set<BlockingQueue<String>> subscribers = ConcurrentHashMap.newKeySet();

    BlockingQueue<String> subscribe() {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        subscribers.add(queue);
        return queue;
    }

    void unsubscribe(BlockingQueue<String> queue) {
        subscribers.remove(queue);
    }

    /** Sends {@code event: {type}\ndata: {json}\n\n} to every open stream. */
    void publish(String type, String json) {
        String frame = "event: " + type + "\ndata: " + json + "\n\n";
        for (BlockingQueue<String> queue : subscribers) {
            queue.add(frame);
        }
    }

    /** Ends every open stream. */
    void endAll() {
        for (BlockingQueue<String> queue : subscribers) {
            queue.add(END);
        }
    }

    int subscriberCount() {
        return subscribers.size();
    }
}
