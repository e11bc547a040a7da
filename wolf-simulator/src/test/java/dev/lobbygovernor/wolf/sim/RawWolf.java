package dev.lobbygovernor.wolf.sim;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Speaks bytes to the simulator's UNIX socket, so tests see exactly what Wolf's dialect sends. */
final class RawWolf {

    private RawWolf() {
    }

    /** Sends {@code request} verbatim and returns every byte of the reply up to end of stream. */
    static String exchange(Path socket, String request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            InputStream in = Channels.newInputStream(channel);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String get(Path socket, String path) throws IOException {
        return exchange(socket, "GET " + path + " HTTP/1.0\r\nHost: localhost\r\n\r\n");
    }

    static String post(Path socket, String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return exchange(socket, "POST " + path + " HTTP/1.0\r\nHost: localhost\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n" + json);
    }

    /** The body of a raw reply: everything after the first blank line. */
    static String body(String reply) {
        int split = reply.indexOf("\r\n\r\n");
        return split < 0 ? "" : reply.substring(split + 4);
    }

    /** The status line of a raw reply. */
    static String statusLine(String reply) {
        int end = reply.indexOf("\r\n");
        return end < 0 ? reply : reply.substring(0, end);
    }

    /** A minimal valid create body, with {@code pinJson} (such as {@code "[1,2,3,4]"}) or none. */
    static String createBody(String name, String pinJson) {
        return "{\"profile_id\":\"p1\",\"name\":\"" + name + "\","
                + (pinJson == null ? "" : "\"pin\":" + pinJson + ",")
                + "\"video_settings\":{\"width\":1920,\"height\":1080,\"refresh_rate\":60,"
                + "\"wayland_render_node\":\"/dev/dri/renderD128\","
                + "\"runner_render_node\":\"/dev/dri/renderD128\","
                + "\"video_producer_buffer_caps\":\"video/x-raw\"},"
                + "\"audio_settings\":{\"channel_count\":2},"
                + "\"runner_state_folder\":\"/tmp/state\","
                + "\"runner\":{\"type\":\"process\",\"run_cmd\":\"sleep infinity\"}}";
    }

    /**
     * A complete {@code sessions/add} body as a Moonlight front end sends it, for the paired
     * client {@code clientId} streaming the app {@code appId}.
     */
    static String addSessionBody(String appId, String clientId, String clientIp) {
        return "{\"app_id\":\"" + appId + "\",\"client_id\":\"" + clientId + "\","
                + "\"client_ip\":\"" + clientIp + "\",\"aes_key\":\"0123456789ABCDEF0123456789ABCDEF\","
                + "\"aes_iv\":\"00112233445566778899AABBCCDDEEFF\",\"rtsp_fake_ip\":\"" + clientIp + "\","
                + "\"video_width\":1280,\"video_height\":720,\"video_refresh_rate\":60,"
                + "\"audio_channel_count\":2}";
    }
}
