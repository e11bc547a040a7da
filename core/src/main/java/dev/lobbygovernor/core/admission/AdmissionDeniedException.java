package dev.lobbygovernor.core.admission;

import dev.lobbygovernor.core.health.HealthStatus;
import java.util.List;

/**
 * No host could take the lobby. Unchecked, because a host application handles it at one
 * boundary (turning {@link #getMessage()} into the user's error) rather than at every call; it
 * is nonetheless part of {@link LobbyGovernor#acquire}'s contract.
 *
 * <p>The top-level fields describe the host that came closest to admitting (a full host before
 * a blind one before an unreachable one, then the least loaded); {@link #perHost()} has the own
 * refusals of at most {@link #PER_HOST_LIMIT} hosts, closest first, and {@link #hostsRefused()}
 * says how many refused in all. The message is one short sentence for the person who asked: a
 * single host's own, or for several the closest host's numbers. It never carries a PIN: the
 * governor does not hold one when it refuses.
 */
public final class AdmissionDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The most hosts whose own refusal {@link #perHost()} carries: 10, however large the fleet. */
    public static final int PER_HOST_LIMIT = 10;

    private final transient HostDenial primary;
    private final transient List<HostDenial> perHost;
    /** How many hosts refused in all, including those {@link #perHost} leaves out. */
    private final int hostsRefused;

    /**
     * A denial; the governor builds these, a host's test doubles may too.
     *
     * @param message what happened and what the user can do (never a PIN)
     * @param primary the refusal of the host that came closest to admitting
     * @param perHost every host's refusal; copied
     * @throws NullPointerException if {@code primary} or {@code perHost} is null
     */
    public AdmissionDeniedException(String message, HostDenial primary, List<HostDenial> perHost) {
        this(message, primary, perHost, perHost.size());
    }

    /**
     * A denial by more hosts than {@code perHost} describes: the governor keeps the refusals of
     * the {@link #PER_HOST_LIMIT} hosts closest to admitting.
     *
     * @param message what happened and what the user can do (never a PIN)
     * @param primary the refusal of the host that came closest to admitting
     * @param perHost the refusals of the hosts closest to admitting, closest first; copied
     * @param hostsRefused how many hosts refused in all; at least {@code perHost.size()}
     * @throws NullPointerException if {@code primary} or {@code perHost} is null
     * @throws IllegalArgumentException if {@code hostsRefused} is less than {@code perHost.size()}
     */
    public AdmissionDeniedException(String message, HostDenial primary, List<HostDenial> perHost,
            int hostsRefused) {
        super(message);
        java.util.Objects.requireNonNull(primary, "primary");
        this.primary = primary;
        this.perHost = List.copyOf(perHost);
        if (hostsRefused < this.perHost.size()) {
            throw new IllegalArgumentException("hostsRefused " + hostsRefused + " is less than the "
                    + this.perHost.size() + " refusals given");
        }
        this.hostsRefused = hostsRefused;
    }

    /**
     * A refusal by a single host, with that host's own message.
     *
     * @param denial the host's refusal
     * @return the exception
     */
    public static AdmissionDeniedException of(HostDenial denial) {
        return new AdmissionDeniedException(denial.message(), denial, List.of(denial));
    }

    /**
     * Why the lobby was refused, on the host that came closest to admitting.
     *
     * @return the primary host's reason; {@link DenialReason#isCapacity()} tells whether
     *     closing a lobby would help
     */
    public DenialReason reason() {
        return primary.reason();
    }

    /**
     * The host the top-level fields describe: the one that came closest to admitting.
     *
     * @return that host's id
     */
    public String hostId() {
        return primary.hostId();
    }

    /**
     * Lobbies running or reserved on that host when it refused.
     *
     * @return the count, including unexpired permits not yet committed
     */
    public int active() {
        return primary.active();
    }

    /**
     * That host's effective cap when it refused: the smallest of its static, GPU-memory and
     * encoder caps.
     *
     * @return the cap; 0 when the smallest GPU has no memory to spare for a lobby
     */
    public int cap() {
        return primary.cap();
    }

    /**
     * That host's health status when it refused.
     *
     * @return the status last reported for that host
     */
    public HealthStatus healthStatus() {
        return primary.healthStatus();
    }

    /**
     * Lobbies on that host a user might close, longest idle first; never with a PIN.
     *
     * @return the suggestions, unmodifiable; empty when the store knows none or the host is
     *     not merely full
     */
    public List<IdleLobbySuggestion> suggestions() {
        return primary.suggestions();
    }

    /**
     * The own refusals of the hosts closest to admitting, closest first: every host's while at
     * most {@link #PER_HOST_LIMIT} refused.
     *
     * @return the refusals, unmodifiable; one element when a single host was asked
     */
    public List<HostDenial> perHost() {
        return perHost;
    }

    /**
     * How many hosts refused, including those {@link #perHost()} leaves out.
     *
     * @return the number of hosts that refused; 1 when a single host was asked
     */
    public int hostsRefused() {
        return hostsRefused;
    }
}
