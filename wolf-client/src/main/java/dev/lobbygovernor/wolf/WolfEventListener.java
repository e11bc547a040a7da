package dev.lobbygovernor.wolf;

import dev.lobbygovernor.wolf.model.WolfEvent;
import java.time.Duration;

/**
 * Receives Wolf's events from an {@link EventSubscription}, on the subscription's thread, one
 * call at a time. Methods should return quickly and must not throw; an exception is logged and
 * the stream goes on.
 */
public interface WolfEventListener {

    /**
     * An event arrived.
     *
     * @param event the event, typed; a type this library does not know is
     *     {@link WolfEvent.Unknown}
     */
    void onEvent(WolfEvent event);

    /** The stream is (re)connected; events from here on are live. */
    default void onConnected() {
    }

    /** A keep-alive comment arrived: the stream is alive though quiet. */
    default void onKeepAlive() {
    }

    /**
     * The stream broke or could not be opened; the subscription reconnects after
     * {@code reconnectIn}. Events sent meanwhile are lost: re-list lobbies after reconnecting.
     *
     * @param cause why: unreachable, refused, silent past the read timeout, or ended
     * @param reconnectIn the wait before the next attempt
     */
    default void onDisconnected(WolfException cause, Duration reconnectIn) {
    }
}
