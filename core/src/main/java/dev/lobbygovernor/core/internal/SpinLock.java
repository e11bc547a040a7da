package dev.lobbygovernor.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The lock a {@link HostLedger} takes: one compare-and-set when free, released by a plain
 * release-store. A monitor or {@code ReentrantLock} costs a second atomic operation on every
 * exit, which on the grant-and-release path (two critical sections) made admission about twice
 * as expensive as a bare semaphore. Every critical section it guards is a few field updates, or
 * a walk over a host's handful of slots and lobbies, so waiting by spinning, then yielding, is
 * cheaper than parking. Not reentrant.
 */
final class SpinLock {

    private static final VarHandle STATE;
    private static final int SPINS_BEFORE_YIELD = 32;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(SpinLock.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** 0 free, 1 held. */
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state;

    void lock() {
        if (!STATE.compareAndSet(this, 0, 1)) {
            lockContended();
        }
    }

    private void lockContended() {
        for (int spins = 0; ; spins++) {
            if ((int) STATE.getOpaque(this) == 0 && STATE.compareAndSet(this, 0, 1)) {
                return;
            }
            if (spins < SPINS_BEFORE_YIELD) {
                Thread.onSpinWait();
            } else {
                Thread.yield(); // the holder may have been descheduled: let it run
            }
        }
    }

    /** Release semantics: everything written under the lock is visible to the next holder. */
    void unlock() {
        STATE.setRelease(this, 0);
    }
}
