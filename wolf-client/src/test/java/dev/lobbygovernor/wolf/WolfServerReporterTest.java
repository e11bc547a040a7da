package dev.lobbygovernor.wolf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.core.health.ServerHealth;
import dev.lobbygovernor.core.health.ServerReport;
import dev.lobbygovernor.core.health.ServerReportException;
import dev.lobbygovernor.core.health.ServerUsage;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.wolf.testing.ScriptedTransport;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Wolf's report on itself: its stuck threads by name, its lobbies, clients and memory. */
class WolfServerReporterTest {

    private static final String HEALTH = "{\"success\":true,\"process_uptime_seconds\":7,\"threads\":["
            + "{\"tid\":3,\"name\":\"http\",\"is_stuck\":true},{\"tid\":4,\"name\":\" \",\"is_stuck\":true},"
            + "{\"tid\":5,\"is_stuck\":true},{\"tid\":6,\"name\":\"ok\",\"is_stuck\":false}],"
            + "\"stuck_thread_count\":1,\"total_thread_count\":2,\"can_create_new_pipelines\":false,"
            + "\"overall_status\":\"degraded\"}";

    private final ScriptedTransport transport = new ScriptedTransport();
    private final MutableClock clock = MutableClock.at("2026-01-01T12:00:00Z");
    private final WolfServerReporter reporter = new WolfServerReporter(WolfClient.builder()
            .transport(transport).readRetries(RetryPolicy.none()).build(), clock);

    private static String memory(String rss) {
        return "{\"success\":true" + rss + ",\"lobbies\":[{\"lobby_id\":\"L\"}],"
                + "\"clients\":[{\"session_id\":\"1\"},{\"session_id\":\"2\"}]}";
    }

    @Test
    void reportNamesStuckThreadsAndCountsAtLeastWhatItNames() throws Exception {
        transport.reply(200, HEALTH).reply(200, memory(",\"process_rss_bytes\":1461000000"));

        ServerReport report = reporter.report();

        assertThat(report.source()).isEqualTo("Wolf");
        assertThat(report.at()).isEqualTo(Instant.parse("2026-01-01T12:00:00Z"));
        assertThat(report.health()).contains(new ServerHealth(false, "degraded", 3, 3,
                List.of("http", "thread 4", "thread 5")));
        assertThat(report.usage()).contains(new ServerUsage(1, 2, OptionalLong.of(1_461_000_000L)));
    }

    @Test
    void memoryOfZeroBytesIsKnownAndANegativeOrMissingOneIsNot() throws Exception {
        transport.reply(200, HEALTH).reply(200, memory(",\"process_rss_bytes\":0"));
        assertThat(reporter.report().usage()).map(ServerUsage::processMemoryBytes).contains(OptionalLong.of(0));

        transport.reply(200, HEALTH).reply(200, memory(",\"process_rss_bytes\":-1"));
        assertThat(reporter.report().usage()).map(ServerUsage::processMemoryBytes).contains(OptionalLong.empty());

        transport.reply(200, HEALTH).reply(200, memory(""));
        assertThat(reporter.report().usage()).map(ServerUsage::processMemoryBytes).contains(OptionalLong.empty());
    }

    @Test
    void unreachableWolfIsAReportFailureNamingIt() {
        transport.unavailable(1);

        assertThatThrownBy(reporter::report).isInstanceOf(ServerReportException.class)
                .hasMessageContaining("Wolf at scripted: could not be asked about itself");
    }

    @Test
    void nameAndToStringSayWhichWolf() {
        assertThat(reporter.name()).isEqualTo("Wolf");
        assertThat(reporter).hasToString("WolfServerReporter[scripted:]");
    }
}
