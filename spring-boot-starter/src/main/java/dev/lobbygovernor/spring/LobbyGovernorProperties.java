package dev.lobbygovernor.spring;

import dev.lobbygovernor.core.admission.BlindAdmission;
import dev.lobbygovernor.core.admission.EncoderCapScope;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code lobby-governor.*} properties the starter wires the governor, monitor, reaper,
 * refusal and dashboard from.
 *
 * @param enabled whether the starter wires anything at all
 * @param hosts the streaming hosts, each with its Wolf socket or URL and its limits
 * @param admission how admission behaves while a host's GPU cannot be read, and permit lifetime
 * @param monitor the GPU health monitor
 * @param reaper the cleanup of idle, ended and orphaned lobbies
 * @param problem the problem+json response for a refused lobby
 * @param dashboard the live dashboard page
 */
@ConfigurationProperties(prefix = "lobby-governor")
public record LobbyGovernorProperties(
        @DefaultValue("true") boolean enabled,
        List<HostEntry> hosts,
        @DefaultValue Admission admission,
        @DefaultValue Monitoring monitor,
        @DefaultValue Cleanup reaper,
        @DefaultValue Refusal problem,
        @DefaultValue Dashboard dashboard) {

    /**
     * Normalises an absent host list to an empty one.
     *
     * @param enabled whether the starter wires anything
     * @param hosts the hosts
     * @param admission admission settings
     * @param monitor monitor settings
     * @param reaper reaper settings
     * @param problem refusal settings
     * @param dashboard dashboard settings
     */
    public LobbyGovernorProperties {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }

    /**
     * One streaming host.
     *
     * @param id the host's id, as denials, metrics and the dashboard name it
     * @param wolfSocket Wolf's UNIX socket (give this or {@code wolf-url})
     * @param wolfUrl Wolf's HTTP(S) base URL (give this or {@code wolf-socket})
     * @param wolfToken the bearer token for {@code wolf-url}, if Wolf asks for one
     * @param staticCap the most lobbies the host may run, whatever its GPU says
     * @param warningThreshold the count from which the host is nearly full; by default one below
     *     the cap
     * @param encoderSessionCap the most NVENC sessions the host's driver allows (GeForce: 8 on a
     *     current Linux driver), counted per client stream; none by default
     * @param encoderCapScope what the encoder cap counts: PER_HOST (every GPU's sessions
     *     together, as GeForce limits apply per system; the default) or PER_GPU
     */
    public record HostEntry(String id, Path wolfSocket, URI wolfUrl, String wolfToken,
            @DefaultValue("5") int staticCap, Integer warningThreshold, Integer encoderSessionCap,
            @DefaultValue("PER_HOST") EncoderCapScope encoderCapScope) {
    }

    /**
     * Admission settings.
     *
     * @param blind what a host admits while its GPU cannot be read: STATIC_CAP (count-based caps
     *     only) or FAIL_CLOSED (nothing)
     * @param permitTtl how long a permit without a create attempt holds its slot
     */
    public record Admission(@DefaultValue("STATIC_CAP") BlindAdmission blind, @DefaultValue("2m") Duration permitTtl) {
    }

    /**
     * Monitor settings.
     *
     * @param enabled whether GPUs are probed (through Wolf) and health reported
     * @param probeInterval how often each host's GPU is probed
     */
    public record Monitoring(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration probeInterval) {
    }

    /**
     * Reaper settings.
     *
     * @param enabled whether cleanup runs
     * @param interval how often a cleanup cycle runs
     * @param idleTimeout how long a lobby may stay idle before it is stopped
     * @param orphanGrace how long a lobby nobody recorded may run before cleanup acts on it
     * @param stopOrphans whether orphans are stopped (else only reported)
     */
    public record Cleanup(@DefaultValue("true") boolean enabled, @DefaultValue("30s") Duration interval,
            @DefaultValue("30m") Duration idleTimeout, @DefaultValue("10m") Duration orphanGrace,
            @DefaultValue("true") boolean stopOrphans) {
    }

    /**
     * The refusal a front end shows.
     *
     * @param enabled whether a refused lobby becomes an RFC 9457 problem response (status 429)
     * @param sessionsUrl where a user sees and closes their sessions, linked from the problem;
     *     {@code {host}} in it is replaced by the refusing host's id
     * @param type the problem's type URI
     */
    public record Refusal(@DefaultValue("true") boolean enabled, String sessionsUrl,
            @DefaultValue("urn:lobby-governor:problem:lobby-refused") URI type) {
    }

    /**
     * The live dashboard.
     *
     * @param enabled whether the starter serves it
     * @param path where: the page at this path with a trailing slash, its status JSON below it
     */
    public record Dashboard(@DefaultValue("true") boolean enabled,
            @DefaultValue("/lobby-governor/dashboard") String path) {
    }
}
