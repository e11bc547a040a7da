package dev.lobbygovernor.wolf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.StandardProtocolFamily;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Idle selectors are reused, bounded, and closed with the pool. */
class SelectorPoolTest {

    @Test
    void releasedSelectorIsReusedByTheNextAcquire() throws Exception {
        try (SelectorPool pool = new SelectorPool()) {
            Selector s = pool.acquire();
            pool.release(s);

            assertThat(pool.acquire()).isSameAs(s);
        }
    }

    @Test
    void keepsAtMostMaxIdleAndClosesTheRest() throws Exception {
        try (SelectorPool pool = new SelectorPool()) {
            List<Selector> many = new ArrayList<>();
            for (int i = 0; i < SelectorPool.MAX_IDLE + 3; i++) {
                many.add(pool.acquire());
            }
            many.forEach(pool::release);

            assertThat(many.stream().filter(Selector::isOpen)).hasSize(SelectorPool.MAX_IDLE);
        }
    }

    @Test
    void selectorWithARegisteredKeyIsClosedNotPooled() throws Exception {
        try (SelectorPool pool = new SelectorPool();
                SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            Selector s = pool.acquire();
            ch.configureBlocking(false);
            ch.register(s, SelectionKey.OP_READ);

            pool.release(s);

            assertThat(s.isOpen()).isFalse();
        }
    }

    @Test
    void closeClosesIdleSelectorsAndLaterReleases() throws Exception {
        SelectorPool pool = new SelectorPool();
        Selector idle = pool.acquire();
        Selector busy = pool.acquire();
        pool.release(idle);

        pool.close();
        pool.release(busy);

        assertThat(idle.isOpen()).isFalse();
        assertThat(busy.isOpen()).isFalse();
    }
}
