package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each injected fault shows on the wire as documented, and clears. */
class FaultInjectionTest {

    @TempDir
    Path dir;

    private WolfSimulator sim;

    @BeforeEach
    void start() throws IOException {
        sim = WolfSimulator.builder().start(dir);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private String list() throws IOException {
        return RawWolf.get(sim.socketPath(), "/api/v1/lobbies");
    }

    @Test
    void dropsTheConnectionWithoutAByte() throws IOException {
        sim.faults().next(Fault.DROP_CONNECTION, 1);

        assertThat(list()).isEmpty();
        assertThat(RawWolf.statusLine(list())).isEqualTo("HTTP/1.0 200 OK");
        assertThat(sim.requestCount()).isEqualTo(2);
    }

    @Test
    void answersGarbageThatIsNotHttp() throws IOException {
        sim.faults().next(Fault.GARBAGE_REPLY, 1);

        assertThat(list()).doesNotStartWith("HTTP/").contains("not http");
    }

    @Test
    void answersTruncatedJsonWithA200() throws IOException {
        sim.faults().next(Fault.MALFORMED_JSON, 1);

        String reply = list();

        assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 200 OK");
        assertThat(RawWolf.body(reply)).startsWith("{").doesNotEndWith("}");
    }

    @Test
    void usesQueuedFaultsInOrderThenServesNormally() throws IOException {
        sim.faults().next(Fault.GARBAGE_REPLY, 1).next(Fault.DROP_CONNECTION, 1);

        assertThat(list()).contains("not http");
        assertThat(list()).isEmpty();
        assertThat(RawWolf.statusLine(list())).isEqualTo("HTTP/1.0 200 OK");
    }

    @Test
    void appliesAnAlwaysFaultUntilCleared() throws IOException {
        sim.faults().always(Fault.DROP_CONNECTION);

        assertThat(list()).isEmpty();
        assertThat(list()).isEmpty();
        sim.faults().clear();
        assertThat(RawWolf.statusLine(list())).isEqualTo("HTTP/1.0 200 OK");
    }

    @Test
    void holdsANeverAnsweredRequestUntilTheFaultIsCleared() throws Exception {
        sim.faults().always(Fault.NEVER_ANSWER);
        CompletableFuture<String> reply = CompletableFuture.supplyAsync(() -> {
            try {
                return list();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (sim.requestCount() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(sim.requestCount()).isEqualTo(1);
        assertThat(reply).isNotDone();

        sim.faults().clear();

        assertThat(reply.get(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void delaysRepliesByTheInjectedLatency() throws IOException {
        sim.faults().latency(Duration.ofMillis(300));

        long start = System.nanoTime();
        String reply = list();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(RawWolf.statusLine(reply)).isEqualTo("HTTP/1.0 200 OK");
        assertThat(tookMs).isGreaterThanOrEqualTo(300);
    }

    @Test
    void refusesNonsensicalFaultSettings() {
        assertThatThrownBy(() -> sim.faults().next(Fault.DROP_CONNECTION, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.faults().latency(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
