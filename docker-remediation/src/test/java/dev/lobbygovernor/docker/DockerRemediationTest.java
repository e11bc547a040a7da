package dev.lobbygovernor.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.health.RemediationResult;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfGpuProbe;
import dev.lobbygovernor.wolf.sim.WolfSimulator;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DockerRemediation against a Docker Engine API stand-in and the simulated Wolf. */
class DockerRemediationTest {

    private static final String ID = "a".repeat(64);
    private static final String INSPECTED = "{\"Id\":\"" + ID + "\",\"Name\":\"/wolf\",\"State\":{\"Status\":\"running\"},"
            + "\"NetworkSettings\":{\"Networks\":{\"bridge\":{\"NetworkID\":\"" + "b".repeat(64) + "\"}}}}";

    @TempDir
    Path dir;

    private Path wolfDir() throws java.io.IOException {
        return Files.createDirectories(dir.resolve("wolf"));
    }

    private DockerRemediationConfig config(Path socket) {
        return DockerRemediationConfig.builder().socket(socket).callTimeout(Duration.ofSeconds(2))
                .restartSlack(Duration.ofSeconds(5)).verifyDeadline(Duration.ofSeconds(2))
                .verifyInterval(Duration.ofMillis(50)).build();
    }

    private RemediationResult remediate(Path socket, DockerRemediationConfig config, WolfClient client)
            throws Exception {
        return DockerRemediation.builder().host("wolf-1", config, new WolfGpuProbe(client, Clock.systemUTC())).build()
                .remediate("wolf-1", null);
    }

    @Test
    void restartsTheContainerFoundByNameAndSucceedsOnceWolfAnswersWithPlausibleReadings() throws Exception {
        Path socket = dir.resolve("docker.sock");
        try (WolfSimulator sim = WolfSimulator.builder().start(wolfDir());
                WolfClient client = WolfClient.builder().unixSocket(sim.socketPath()).build();
                DockerStandIn engine = new DockerStandIn(socket, line -> {
                    if (line.equals("GET /v1.44/containers/wolf/json")) {
                        return DockerStandIn.json(200, INSPECTED);
                    }
                    if (line.equals("POST /v1.44/containers/" + ID + "/restart?t=10")) {
                        sim.restart(); // a fresh Wolf process: NVML works again
                        return DockerStandIn.noContent();
                    }
                    return DockerStandIn.json(404, "{\"message\":\"page not found\"}");
                })) {
            sim.breakNvml();
            RemediationResult result = remediate(socket, config(socket), client);

            assertThat(result.succeeded()).as(result.detail()).isTrue();
            assertThat(result.detail()).contains("plausible GPU readings");
            assertThat(engine.requests()).containsExactly("GET /v1.44/containers/wolf/json",
                    "POST /v1.44/containers/" + ID + "/restart?t=10");
            assertThat(sim.restarts()).isEqualTo(1);
        }
    }

    @Test
    void findsTheContainerByItsLabelWhenOneIsSet() throws Exception {
        Path socket = dir.resolve("docker.sock");
        try (WolfSimulator sim = WolfSimulator.builder().start(wolfDir());
                WolfClient client = WolfClient.builder().unixSocket(sim.socketPath()).build();
                DockerStandIn engine = new DockerStandIn(socket, line -> line.startsWith("GET /v1.44/containers/json")
                        ? DockerStandIn.json(200, "[" + INSPECTED + "]")
                        : DockerStandIn.noContent())) {
            RemediationResult result = remediate(socket,
                    config(socket).toBuilder().containerLabel("dev.lobbygovernor.role=wolf").build(), client);

            assertThat(result.succeeded()).as(result.detail()).isTrue();
            assertThat(engine.requests().get(0)).startsWith("GET /v1.44/containers/json?all=true&filters=")
                    .contains("dev.lobbygovernor.role%3Dwolf");
        }
    }

    @Test
    void aMissingSocketIsATypedRefusal() throws Exception {
        Path socket = dir.resolve("absent.sock");
        try (WolfSimulator sim = WolfSimulator.builder().start(wolfDir());
                WolfClient client = WolfClient.builder().unixSocket(sim.socketPath()).build()) {
            RemediationResult result = remediate(socket, config(socket), client);

            assertThat(result.succeeded()).isFalse();
            assertThat(result.detail()).startsWith("SOCKET_MISSING").contains(socket.toString());
            assertThat(sim.restarts()).isZero();
        }
    }

    @Test
    void aSocketNobodyListensOnSaysTheEngineIsDown() throws Exception {
        Path socket = dir.resolve("stale.sock");
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(Files.exists(socket)).isTrue();
        try (WolfSimulator sim = WolfSimulator.builder().start(wolfDir());
                WolfClient client = WolfClient.builder().unixSocket(sim.socketPath()).build()) {
            RemediationResult result = remediate(socket, config(socket), client);

            assertThat(result.detail()).startsWith("ENGINE_DOWN");
        }
    }

    @Test
    void anEngineThatAnswersTooSlowlyTimesOut() throws Exception {
        Path socket = dir.resolve("docker.sock");
        try (WolfSimulator sim = WolfSimulator.builder().start(wolfDir());
                WolfClient client = WolfClient.builder().unixSocket(sim.socketPath()).build();
                DockerStandIn engine = new DockerStandIn(socket, line -> {
                    Thread.sleep(5_000);
                    return DockerStandIn.json(200, INSPECTED);
                })) {
            long started = System.nanoTime();
            RemediationResult result = remediate(socket,
                    config(socket).toBuilder().callTimeout(Duration.ofMillis(300)).build(), client);

            assertThat(result.detail()).startsWith("TIMED_OUT");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            assertThat(sim.restarts()).isZero();
        }
    }

    @Test
    void anEngineThatRefusesTheRestartIsReportedWithItsMessage() throws Exception {
        Path socket = dir.resolve("docker.sock");
        try (WolfSimulator sim = WolfSimulator.builder().start(wolfDir());
                WolfClient client = WolfClient.builder().unixSocket(sim.socketPath()).build();
                DockerStandIn engine = new DockerStandIn(socket, line -> line.startsWith("GET")
                        ? DockerStandIn.json(200, INSPECTED)
                        : DockerStandIn.json(500, "{\"message\":\"Cannot restart container wolf: device busy\"}"))) {
            RemediationResult result = remediate(socket, config(socket), client);

            assertThat(result.succeeded()).isFalse();
            assertThat(result.detail()).startsWith("REFUSED").contains("Cannot restart container wolf: device busy");
        }
    }

    @Test
    void aContainerThatDoesNotExistIsNamed() throws Exception {
        Path socket = dir.resolve("docker.sock");
        try (WolfSimulator sim = WolfSimulator.builder().start(wolfDir());
                WolfClient client = WolfClient.builder().unixSocket(sim.socketPath()).build();
                DockerStandIn engine = new DockerStandIn(socket,
                        line -> DockerStandIn.json(404, "{\"message\":\"No such container: wolf\"}"))) {
            RemediationResult result = remediate(socket, config(socket), client);

            assertThat(result.detail()).startsWith("CONTAINER_NOT_FOUND").contains("No such container: wolf");
        }
    }

    @Test
    void aWolfThatNeverComesBackFailsAtTheVerificationDeadline() throws Exception {
        Path socket = dir.resolve("docker.sock");
        try (WolfSimulator sim = WolfSimulator.builder().start(wolfDir());
                WolfClient client = WolfClient.builder().unixSocket(sim.socketPath()).build();
                DockerStandIn engine = new DockerStandIn(socket, line -> {
                    if (line.startsWith("GET")) {
                        return DockerStandIn.json(200, INSPECTED);
                    }
                    sim.close(); // the container started, but Wolf inside it never listens again
                    return DockerStandIn.noContent();
                })) {
            RemediationResult result = remediate(socket, config(socket), client);

            assertThat(result.succeeded()).isFalse();
            assertThat(result.detail()).startsWith("NOT_BACK").contains("within 2000 ms");
        }
    }

    @Test
    void aPermissionErrorOnConnectIsTypedAsSuch() {
        DockerEngineException e = dev.lobbygovernor.docker.internal.DockerEngine.connectFailure(
                Path.of("/var/run/docker.sock"), new java.net.BindException("Permission denied"));

        assertThat(e.kind()).isEqualTo(DockerEngineException.Kind.PERMISSION_DENIED);
        assertThat(e.getMessage()).contains("docker group");
    }
}
