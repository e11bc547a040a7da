package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.store.AdmissionLedger;
import dev.lobbygovernor.store.HostRecords;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.store.SessionStore;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Grants slots: decides, through the {@link AdmissionLedger}, whether a host has room given a
 * listing and the store's records, and writes the reservation (with the lobby's PIN and unique
 * name) before the permit is returned. Also reads a host's counts for placement, status and
 * denials.
 */
public final class ReservationDesk {

    private static final int ID_BYTES = 16;
    /** Bytes drawn for a generated PIN: a few more than its digits, as some are skipped. */
    private static final int PIN_BYTES = AdmissionRequest.GENERATED_PIN_DIGITS + 4;

    private final AdmissionLedger ledger;
    private final SessionStore store;
    private final Clock clock;
    private final Duration permitTtl;
    private final Duration listingDelay;
    private final AdmissionEvents events;
    private final SecureRandom random = secureRandom();

    /**
     * A desk over one ledger and store.
     *
     * @param ledger where check-and-reserve is atomic
     * @param store where records and reservations are read and reservations change phase
     * @param clock the time source
     * @param permitTtl how long a reservation without a create attempt counts
     * @param listingDelay how long a record counts without its lobby being listed
     * @param events who hears how the permits it grants end
     */
    public ReservationDesk(AdmissionLedger ledger, SessionStore store, Clock clock, Duration permitTtl,
            Duration listingDelay, AdmissionEvents events) {
        this.events = events;
        this.listingDelay = listingDelay;
        this.ledger = ledger;
        this.store = store;
        this.clock = clock;
        this.permitTtl = permitTtl;
    }

    /**
     * A grant or a refusal.
     *
     * @param permit the permit granted, or {@code null}
     * @param refusal why not, or {@code null} when granted
     */
    public record Booking(HostPermit permit, Refusal refusal) {
    }

    /**
     * Tries to reserve a slot on {@code host}, with a fresh listing (asking the runtime if the
     * cached one is stale).
     *
     * @param host the host
     * @param request what the lobby is for and how it is protected
     * @return the permit, or the refusal with the numbers that refused it; neither when the
     *     host cannot be listed (its count is unknown, so it must refuse)
     * @throws dev.lobbygovernor.store.StoreException if the ledger cannot decide or write
     */
    public Booking book(HostState host, AdmissionRequest request) {
        Listing listing = host.freshListing(clock.millis());
        return listing == null ? new Booking(null, null) : book(host, listing, request);
    }

    /**
     * Tries to reserve a slot on {@code host}, counting with {@code listing}.
     *
     * @throws dev.lobbygovernor.store.StoreException if the ledger cannot decide or write
     */
    Booking book(HostState host, Listing listing, AdmissionRequest request) {
        Instant now = clock.instant();
        EffectiveCap cap = host.cap();
        // one draw for the id and the PIN: each call into a SecureRandom costs far more than a byte
        byte[] entropy = randomBytes(ID_BYTES + PIN_BYTES);
        String reservationId = HexFormat.of().formatHex(entropy, 0, ID_BYTES);
        LobbyPin pin = request.open() ? null : request.pin().orElseGet(() -> generatedPin(entropy));
        ReservationRecord candidate = ReservationRecord.reserved(reservationId, host.id(), request.sessionId(), pin,
                request.namePrefix() + "-" + reservationId.substring(0, 12), now, now.plus(permitTtl));
        Decision decision = new Decision(listing, cap, now, candidate, listingDelay);
        Optional<ReservationRecord> granted = ledger.reserve(host.id(), decision::decide);
        if (granted.isEmpty()) {
            return new Booking(null, decision.refusal);
        }
        return new Booking(new HostPermit(host, store, granted.get(), decision.activeAfter, cap.cap(),
                cap.warningThreshold(), events), null);
    }

    /**
     * The decision the ledger runs under its host lock; it may run more than once (a retried
     * transaction), so each run overwrites what the previous one noted.
     */
    private static final class Decision {
        private final Listing listing;
        private final EffectiveCap cap;
        private final Instant now;
        private final ReservationRecord candidate;
        private final Duration listingDelay;
        private Refusal refusal;
        private int activeAfter;

        Decision(Listing listing, EffectiveCap cap, Instant now, ReservationRecord candidate, Duration listingDelay) {
            this.listingDelay = listingDelay;
            this.listing = listing;
            this.cap = cap;
            this.now = now;
            this.candidate = candidate;
        }

        Optional<ReservationRecord> decide(HostRecords records) {
            HostCount count = HostCount.of(listing, records, now, listingDelay);
            if (cap.refuseAll()) {
                refusal = new Refusal(cap.refusal(), count.active(), cap.cap());
                return Optional.empty();
            }
            if (count.active() >= cap.cap()) {
                refusal = new Refusal(cap.binding(), count.active(), cap.cap());
                return Optional.empty();
            }
            Refusal encoder = cap.encoderRefusal(count.streams());
            if (encoder != null) {
                refusal = encoder;
                return Optional.empty();
            }
            ReservationRecord granted = candidate;
            if (!cap.gpus().isEmpty()) {
                GpuChoice.Choice choice = GpuChoice.choose(cap, listing, records, count, now);
                if (choice.refusal() != null) {
                    refusal = choice.refusal();
                    return Optional.empty();
                }
                granted = candidate.onGpu(choice.gpu());
            }
            refusal = null;
            activeAfter = count.active() + 1;
            return Optional.of(granted);
        }
    }

    /**
     * A host's counts now, from its last listing (fresh or not) and the store.
     *
     * @param host the host
     * @return the counts
     * @throws dev.lobbygovernor.store.StoreException if the store cannot be read
     */
    public LedgerCounts counts(HostState host) {
        return counted(host, host.lastListing()).counts();
    }

    /** A host's counts from {@code listing} and the store, with what they were counted from. */
    Counted counted(HostState host, Listing listing) {
        // reservations first, as the in-process ledger reads them (see there)
        List<ReservationRecord> reservations = store.reservationsOnHost(host.id());
        return counted(host, listing, new HostRecords(host.id(), store.lobbiesOnHost(host.id()), reservations));
    }

    /**
     * Every host's records in one read ({@link SessionStore#recordsByHost()}), for status and
     * placement on a fleet.
     *
     * @throws dev.lobbygovernor.store.StoreException if the store cannot be read
     */
    Map<String, HostRecords> recordsByHost() {
        return store.recordsByHost();
    }

    /** A host's counts from {@code listing} and its entry of {@link #recordsByHost()}, if any. */
    Counted counted(HostState host, Listing listing, Map<String, HostRecords> fleet) {
        HostRecords own = fleet.get(host.id());
        return counted(host, listing, own != null ? own : host.noRecords());
    }

    /**
     * Counts, reusing the host's last ones when they were made from the same listing, records
     * and cap (the same objects) and no reservation among the records has stopped counting
     * since: a count is a pure function of those and of which reservations count, so a fleet
     * whose hosts did not change is ranked without counting them again.
     */
    private Counted counted(HostState host, Listing listing, HostRecords records) {
        Instant now = clock.instant();
        long nowMillis = now.toEpochMilli();
        EffectiveCap cap = host.cap();
        CountMemo memo = host.countMemo();
        if (memo != null && memo.listing() == listing && memo.records() == records && memo.cap() == cap
                && nowMillis >= memo.madeAtMillis() && nowMillis < memo.validUntilMillis()) {
            return memo.counted();
        }
        HostCount count = HostCount.of(listing, records, now, listingDelay);
        Counted counted = new Counted(new LedgerCounts(count.active(), count.reserved(), cap.cap(), cap.binding(),
                cap.warningThreshold(), cap.refusal()), count, records);
        host.countMemo(new CountMemo(listing, records, cap, nowMillis, validUntilMillis(records, now), counted));
        return counted;
    }

    /**
     * Until when the reservations among {@code records} that count at {@code now} all still
     * count: the earliest expiry of one without a create attempt (those with one count until
     * they are settled, which changes the records).
     */
    private static long validUntilMillis(HostRecords records, Instant now) {
        long until = Long.MAX_VALUE;
        for (ReservationRecord r : records.reservations()) {
            if (!r.maybeCreated() && r.countsAt(now)) {
                until = Math.min(until, r.expiresAt().toEpochMilli());
            }
        }
        return until;
    }

    /** Counts from {@code listing} alone, for when the store cannot be read: a lower bound. */
    Counted listingOnly(HostState host, Listing listing) {
        HostRecords none = new HostRecords(host.id(), List.of(), List.of());
        HostCount count = HostCount.of(listing, none, clock.instant(), listingDelay);
        EffectiveCap cap = host.cap();
        return new Counted(new LedgerCounts(count.active(), count.reserved(), cap.cap(), cap.binding(),
                cap.warningThreshold(), cap.refusal()), count, none);
    }

    /**
     * The JDK's DRBG: seeded once from the system's entropy, then pure Java. The platform default
     * on Linux (NativePRNG) reads {@code /dev/urandom} on every call, a system call per PIN digit.
     */
    private static SecureRandom secureRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /**
     * Decimal digits from the bytes after the id: a byte below 250 gives its value mod 10, each
     * digit equally likely; a byte of 250 or more is skipped (fresh bytes are drawn in the rare
     * case that too many were).
     */
    private LobbyPin generatedPin(byte[] entropy) {
        int[] digits = new int[AdmissionRequest.GENERATED_PIN_DIGITS];
        int n = 0;
        byte[] bytes = entropy;
        int at = ID_BYTES;
        while (n < digits.length) {
            if (at == bytes.length) {
                bytes = randomBytes(PIN_BYTES);
                at = 0;
            }
            int b = bytes[at++] & 0xff;
            if (b < 250) {
                digits[n++] = b % 10;
            }
        }
        return LobbyPin.ofDigits(digits);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
