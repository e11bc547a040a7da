package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /api/v1/events}: Wolf's SSE frames with C++ type names, and keepalive comments. */
@Timeout(30)
class EventStreamTest {

    @TempDir
    Path dir;

    /** An open event stream read line by line. */
    private static final class Stream implements AutoCloseable {
        final SocketChannel channel;
        final BufferedReader reader;

        Stream(Path socket) throws IOException {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap("GET /api/v1/events HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8));
        }

        String head() throws IOException {
            StringBuilder head = new StringBuilder();
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                head.append(line).append('\n');
            }
            return head.toString();
        }

        /** The next frame: its lines up to the blank line. */
        String frame() throws IOException {
            StringBuilder frame = new StringBuilder();
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                frame.append(line).append('\n');
            }
            return frame.toString();
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    @Test
    void streamsCreateAndStopEventsWithWolfsTypeNames() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir);
                Stream stream = new Stream(sim.socketPath())) {
            assertThat(stream.head()).startsWith("HTTP/1.0 200 OK\n").contains("Content-Type: text/event-stream");

            String id = sim.createLeakedLobby("watched", Optional.empty());
            RawWolf.post(sim.socketPath(), "/api/v1/lobbies/stop", "{\"lobby_id\":\"" + id + "\"}");

            assertThat(stream.frame()).isEqualTo("event: wolf::core::events::CreateLobbyEvent\n"
                    + "data: {\"id\":\"" + id + "\",\"name\":\"watched\",\"profile_id\":\"leaked-profile\"}\n");
            assertThat(stream.frame()).isEqualTo("event: wolf::core::events::StopLobbyEvent\n"
                    + "data: {\"lobby_id\":\"" + id + "\"}\n");
        }
    }

    @Test
    void sendsKeepaliveCommentsWhenIdle() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().keepaliveInterval(Duration.ofMillis(50)).start(dir);
                Stream stream = new Stream(sim.socketPath())) {
            stream.head();

            assertThat(stream.frame()).isEqualTo(":keepalive\n");
        }
    }

    @Test
    void endsOpenStreamsOnRestart() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir);
                Stream stream = new Stream(sim.socketPath())) {
            stream.head();

            sim.restart();

            assertThat(stream.reader.readLine()).isNull();
        }
    }

    @Test
    void neverPutsThePinInAnEvent() throws IOException {
        try (WolfSimulator sim = WolfSimulator.builder().start(dir);
                Stream stream = new Stream(sim.socketPath())) {
            stream.head();
            String create = RawWolf.body(RawWolf.post(sim.socketPath(), "/api/v1/lobbies/create",
                    RawWolf.createBody("secret", "[9,1,8,2,7,3]")));
            String id = create.replaceAll(".*\"lobby_id\":\"([^\"]+)\".*", "$1");
            RawWolf.post(sim.socketPath(), "/api/v1/lobbies/stop",
                    "{\"lobby_id\":\"" + id + "\",\"pin\":[9,1,8,2,7,3]}");

            String frames = stream.frame() + stream.frame();

            assertThat(frames).contains("CreateLobbyEvent", "StopLobbyEvent")
                    .doesNotContain("pin").doesNotContain("9,1,8,2,7,3");
        }
    }
}
