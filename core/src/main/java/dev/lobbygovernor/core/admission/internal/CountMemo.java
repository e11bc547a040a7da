package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.store.HostRecords;

/**
 * A host's last count with what it was made from; {@link ReservationDesk} reuses it while all of
 * it is the same.
 *
 * @param listing the listing counted
 * @param records the records counted
 * @param cap the cap applied
 * @param madeAtMillis when it was counted (a clock set back does not reuse it)
 * @param validUntilMillis before when no reservation among the records stops counting
 * @param counted the counts
 */
record CountMemo(Listing listing, HostRecords records, EffectiveCap cap, long madeAtMillis,
        long validUntilMillis, Counted counted) {
}
