package dev.lobbygovernor.docker;

import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.core.gpu.SamplePlausibility;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.core.health.Remediation;
import dev.lobbygovernor.core.health.RemediationResult;
import dev.lobbygovernor.docker.internal.DockerEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts a host's streaming-server container through the Docker Engine API, then verifies:
 * finds the container by name or label, sends {@code POST /containers/{id}/restart?t=…} (the
 * engine answers once the container has started again), and polls the host's GPU probe until
 * the server answers with plausible readings, or answers without GPU stats at all (upstream
 * Wolf has none), or the verification deadline passes.
 *
 * <p>A missing socket, a permission error, an engine that is down or slow, a container that
 * cannot be found and a refused restart each come back as a failed {@link RemediationResult}
 * whose detail starts with the {@link DockerEngineException.Kind}, never as a crash; the
 * {@link dev.lobbygovernor.core.health.HealthMonitor} reports the result to its listeners and
 * keeps its cool-down and one-at-a-time rules.
 *
 * <pre>{@code
 * Remediation restartWolf = DockerRemediation.builder()
 *         .host("wolf-1", DockerRemediationConfig.defaults(), new WolfGpuProbe(client, clock))
 *         .build();
 * HealthMonitor.builder().host("wolf-1", probe).remediation(restartWolf)...
 * }</pre>
 */
public final class DockerRemediation implements Remediation {

    private static final Logger log = LoggerFactory.getLogger(DockerRemediation.class);

    /** One host's container and the probe that shows whether its server is back. */
    private record Target(DockerRemediationConfig config, GpuProbe verifier) {
    }

    private final Map<String, Target> hosts;
    private final Clock clock;

    private DockerRemediation(Builder b) {
        this.hosts = Map.copyOf(b.hosts);
        this.clock = b.clock;
    }

    /**
     * A builder with no hosts and the UTC system clock.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Restarts the host's container and verifies the server came back; blocks for as long as
     * that takes (at most the restart's and the verification's deadlines).
     *
     * @param hostId the host
     * @param health its health now
     * @return succeeded once the server answers again with plausible readings (or answers and
     *     has no GPU stats); failed, with the reason first, otherwise
     * @throws InterruptedException if interrupted while waiting between verification attempts
     */
    @Override
    public RemediationResult remediate(String hostId, HostHealth health) throws InterruptedException {
        Target target = hosts.get(hostId);
        if (target == null) {
            return RemediationResult.failed("no Docker container is configured for host " + hostId);
        }
        DockerRemediationConfig config = target.config();
        DockerEngine engine = new DockerEngine(config.socket());
        String what = config.containerLabel().map(l -> "the container labelled " + l)
                .orElse("container " + config.containerName());
        try {
            String id = config.containerLabel().isPresent()
                    ? engine.findByLabel(config.containerLabel().get(), config.callTimeout())
                    : engine.findByName(config.containerName(), config.callTimeout());
            engine.restart(id, config.stopTimeout(), config.stopTimeout().plus(config.restartSlack()));
            log.atWarn().addKeyValue("host", hostId).addKeyValue("container", id)
                    .log("Streaming server's container restarted through the Docker engine; verifying it answers again");
        } catch (DockerEngineException e) {
            log.atWarn().addKeyValue("host", hostId).addKeyValue("kind", e.kind()).addKeyValue("detail", e.getMessage())
                    .log("Could not restart the streaming server's container");
            return RemediationResult.failed(e.kind() + ": " + e.getMessage());
        }
        return verify(what, target, config);
    }

    private RemediationResult verify(String what, Target target, DockerRemediationConfig config)
            throws InterruptedException {
        Instant started = clock.instant();
        Instant deadline = started.plus(config.verifyDeadline());
        String last = "no attempt was made";
        while (true) {
            try {
                GpuSample sample = target.verifier().sample();
                List<SamplePlausibility.Finding> findings = SamplePlausibility.check(sample);
                if (findings.isEmpty()) {
                    return RemediationResult.succeeded(what + " restarted; the server answers again with plausible "
                            + "GPU readings after " + Duration.between(started, clock.instant()).toMillis() + " ms");
                }
                last = "implausible GPU readings: " + findings.get(0).field() + " (" + findings.get(0).detail() + ")";
            } catch (ProbeException e) {
                if (e.failureCause() == ProbeFailureCause.LIBRARY_MISSING) {
                    // the server answered, and says it has no GPU stats to give: nothing to judge
                    return RemediationResult.succeeded(what + " restarted; the server answers again (it reports "
                            + "no GPU stats)");
                }
                last = e.getMessage();
            }
            if (!clock.instant().plus(config.verifyInterval()).isBefore(deadline)) {
                return RemediationResult.failed("NOT_BACK: " + what + " restarted, but the server did not answer "
                        + "with plausible GPU readings within " + config.verifyDeadline().toMillis() + " ms; last: "
                        + last);
            }
            Thread.sleep(config.verifyInterval().toMillis());
        }
    }

    @Override
    public String toString() {
        return "DockerRemediation" + hosts.keySet();
    }

    /** Builds a {@link DockerRemediation}. */
    public static final class Builder {
        private final Map<String, Target> hosts = new HashMap<>();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Adds a host: where its container is, and the probe that shows whether its server is
         * back (for Wolf, a {@code WolfGpuProbe} over the host's client).
         *
         * @param hostId the host's id, as the health monitor names it; not blank
         * @param config the engine's socket, the container and the deadlines; not null
         * @param verifier the probe sampled after the restart; not null
         * @return this builder
         * @throws IllegalArgumentException if {@code hostId} is blank
         * @throws NullPointerException if an argument is null
         */
        public Builder host(String hostId, DockerRemediationConfig config, GpuProbe verifier) {
            if (hostId == null || hostId.isBlank()) {
                throw new IllegalArgumentException("hostId must not be blank");
            }
            hosts.put(hostId, new Target(Objects.requireNonNull(config, "config"),
                    Objects.requireNonNull(verifier, "verifier")));
            return this;
        }

        /**
         * Sets the clock the verification deadline is read from; the UTC system clock if not set.
         *
         * @param value the clock; not null
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Builds the remediation.
         *
         * @return the remediation
         */
        public DockerRemediation build() {
            return new DockerRemediation(this);
        }
    }
}
