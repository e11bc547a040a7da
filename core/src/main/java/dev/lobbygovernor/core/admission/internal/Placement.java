package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.DenialReason;
import dev.lobbygovernor.core.admission.HostDenial;
import dev.lobbygovernor.store.HostRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Chooses a host for an admission that names none, at a cost that does not grow with the
 * runtime calls of the fleet.
 *
 * <p>Hosts are ranked from what is already known: each host's last listing (kept fresh by the
 * health monitor, whose polls ask {@code LobbyGovernor.capacity} and so list each host on the
 * monitor's own thread) and one read of the store for every host. Only the chosen host is then
 * counted with a fresh listing, under the ledger's host lock, exactly as an admission that names
 * it: ranking may use older listings, granting never does. Should the chosen host refuse after
 * all, the next is tried the same way.
 *
 * <p>A host that failed its last listing within the listing TTL refuses unasked, as it would if
 * named. One whose listing another caller is waiting for (it may hang), or that failed longer ago
 * and would be asked again, is tried only after every other host with room, so a hung host never
 * delays an admission that a healthy host can grant. A host whose last listing already shows it
 * full is not listed again here: it refuses with those numbers, so that a refusal on a full fleet
 * lists nothing.
 */
public final class Placement {

    private final HostState[] hosts;
    private final ReservationDesk desk;
    private final Denials denials;
    private final Clock clock;

    /**
     * Placement over {@code hosts}, in the order ties are broken.
     *
     * @param hosts the hosts, in the order they were configured
     * @param desk where counts are made and slots booked
     * @param denials where refusals become denials
     * @param clock the time source
     */
    public Placement(HostState[] hosts, ReservationDesk desk, Denials denials, Clock clock) {
        this.hosts = hosts.clone();
        this.desk = desk;
        this.denials = denials;
        this.clock = clock;
    }

    /**
     * What placement came to: a permit on a host, or the hosts that were full (for the last
     * resort, closest to admitting first) and the denial to throw if none of them yields.
     *
     * @param host the host granted on, or {@code null}
     * @param permit the permit, or {@code null} when every host refused
     * @param full the hosts that refused for capacity, closest to admitting first
     * @param denied the denial, or {@code null} when granted
     */
    public record Outcome(HostState host, HostPermit permit, List<HostState> full, AdmissionDeniedException denied) {
    }

    /**
     * Grants on the least-loaded host that has room, or says why none has.
     *
     * @param request the admission
     * @return the outcome
     * @throws dev.lobbygovernor.store.StoreException if the store cannot be read or the ledger
     *     cannot decide
     */
    public Outcome place(AdmissionRequest request) {
        long nowMillis = clock.millis();
        Map<String, HostRecords> records = desk.recordsByHost();
        // Most admissions end at the first host tried: the least loaded ready host (else the
        // least loaded of the others), found in one pass that keeps nothing per host.
        Ranked first = null;
        boolean firstReady = false;
        for (HostState h : hosts) {
            HostState.Readiness readiness = h.readiness(nowMillis);
            if (readiness == HostState.Readiness.DOWN) {
                continue;
            }
            Counted counted = desk.counted(h, h.lastListing(), records);
            LedgerCounts c = counted.counts();
            if (c.refuseAll() || c.active() >= c.cap()) {
                continue;
            }
            boolean ready = readiness == HostState.Readiness.READY;
            if (first == null || ready && !firstReady || ready == firstReady
                    && byLoad(c.active(), c.cap(), first.counts().active(), first.counts().cap()) < 0) {
                first = new Ranked(h, counted);
                firstReady = ready;
            }
        }
        List<Refused> refused = new ArrayList<>();
        if (first != null) {
            Outcome granted = tryOn(first, request, refused);
            if (granted != null) {
                return granted;
            }
        }
        // It refused after all: rank every other host in full (their counts are reused, so this
        // reads nothing again), and try them in turn.
        List<Ranked> ready = new ArrayList<>(hosts.length);
        List<Ranked> later = new ArrayList<>();
        for (HostState h : hosts) {
            if (first != null && h == first.host()) {
                continue; // refused above
            }
            HostState.Readiness readiness = h.readiness(nowMillis);
            Counted counted = desk.counted(h, h.lastListing(), records);
            LedgerCounts c = counted.counts();
            if (readiness == HostState.Readiness.DOWN) {
                refused.add(new Refused(h, DenialReason.HOST_UNAVAILABLE, c.active(), c.cap(), counted));
            } else if (c.refuseAll() || c.active() >= c.cap()) {
                refused.add(new Refused(h, Denials.reasonFor(c), c.active(), c.cap(), counted));
            } else {
                (readiness == HostState.Readiness.READY ? ready : later).add(new Ranked(h, counted));
            }
        }
        ready.sort(LEAST_LOADED_FIRST); // stable: ties keep the configured order
        later.sort(LEAST_LOADED_FIRST);
        ready.addAll(later);
        for (Ranked r : ready) {
            Outcome granted = tryOn(r, request, refused);
            if (granted != null) {
                return granted;
            }
        }
        refused.sort(CLOSEST_TO_ADMITTING);
        List<HostState> full = new ArrayList<>();
        for (Refused r : refused) {
            if (r.reason().isCapacity()) {
                full.add(r.host());
            }
        }
        Instant now = clock.instant();
        List<HostDenial> detail = new ArrayList<>();
        for (Refused r : refused.subList(0, Math.min(refused.size(), AdmissionDeniedException.PER_HOST_LIMIT))) {
            detail.add(denials.of(r.host(), r.reason(), r.active(), r.cap(), r.counted(), now));
        }
        return new Outcome(null, null, full, Denials.fleet(detail, refused.size()));
    }

    /** Books on {@code r}'s host: the outcome if granted, else {@code null} with the refusal noted. */
    private Outcome tryOn(Ranked r, AdmissionRequest request, List<Refused> refused) {
        ReservationDesk.Booking booking = desk.book(r.host(), request);
        if (booking.permit() != null) {
            return new Outcome(r.host(), booking.permit(), List.of(), null);
        }
        Refusal refusal = booking.refusal();
        refused.add(refusal == null
                ? new Refused(r.host(), DenialReason.HOST_UNAVAILABLE, r.counts().active(), r.counts().cap(),
                        r.counted())
                : new Refused(r.host(), Denials.reasonFor(refusal), refusal.active(), refusal.cap(), r.counted()));
        return null;
    }

    /** A host with room by its last listing, and its counts. */
    private record Ranked(HostState host, Counted counted) {
        LedgerCounts counts() {
            return counted.counts();
        }
    }

    /** A host that refused, by its last listing or when confirmed. */
    private record Refused(HostState host, DenialReason reason, int active, int cap,
            Counted counted) {
    }

    /**
     * By fraction of the cap in use, compared without division (a host with cap 0 is as loaded
     * as can be), then by absolute count.
     */
    private static int byLoad(int activeA, int capA, int activeB, int capB) {
        long left = capA == 0 ? Long.MAX_VALUE : (long) activeA * Math.max(capB, 1);
        long right = capB == 0 ? Long.MAX_VALUE : (long) activeB * Math.max(capA, 1);
        return left != right ? Long.compare(left, right) : Integer.compare(activeA, activeB);
    }

    private static final Comparator<Ranked> LEAST_LOADED_FIRST = (x, y) ->
            byLoad(x.counts().active(), x.counts().cap(), y.counts().active(), y.counts().cap());

    /** A full host before a blind one before an unreachable one; then the least loaded. */
    private static final Comparator<Refused> CLOSEST_TO_ADMITTING = Comparator
            .comparingInt((Refused d) -> d.reason().isCapacity() ? 0 : d.reason() == DenialReason.MONITORING_LOST ? 1 : 2)
            .thenComparing((x, y) -> byLoad(x.active(), x.cap(), y.active(), y.cap()));
}
