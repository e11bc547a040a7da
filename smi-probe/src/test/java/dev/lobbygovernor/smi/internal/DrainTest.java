package dev.lobbygovernor.smi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A pipe reader keeps output up to its cap and reports a flood only past it. */
class DrainTest {

    private final AtomicInteger floods = new AtomicInteger();

    private Drain drained(String output, int cap) {
        Drain drain = new Drain(new ByteArrayInputStream(output.getBytes(StandardCharsets.UTF_8)), cap,
                floods::incrementAndGet);
        drain.run();
        return drain;
    }

    @Test
    void outputOfExactlyTheCapIsKeptWholeAndIsNoFlood() {
        Drain drain = drained("0123456789", 10);

        assertThat(drain.text()).isEqualTo("0123456789");
        assertThat(drain.flooded()).isFalse();
        assertThat(floods).hasValue(0);
    }

    @Test
    void oneByteOverTheCapIsAFloodReportedOnceWithTheCapKept() {
        Drain drain = drained("0123456789X", 10);

        assertThat(drain.text()).isEqualTo("0123456789");
        assertThat(drain.flooded()).isTrue();
        assertThat(floods).hasValue(1);
    }

    @Test
    void floodFarPastTheCapIsReportedOnceAndTheReaderStillReachesTheEnd() throws Exception {
        Drain drain = drained("y".repeat(100_000), 10);

        assertThat(drain.text()).isEqualTo("y".repeat(10));
        assertThat(floods).hasValue(1);
        assertThat(drain.awaitEnd(System.nanoTime())).as("the pipe was read to its end").isTrue();
    }
}
