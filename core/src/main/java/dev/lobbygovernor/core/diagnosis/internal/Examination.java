package dev.lobbygovernor.core.diagnosis.internal;

import dev.lobbygovernor.core.diagnosis.Check;
import dev.lobbygovernor.core.diagnosis.Finding;
import dev.lobbygovernor.core.diagnosis.FindingCode;
import dev.lobbygovernor.core.diagnosis.FindingStatus;
import dev.lobbygovernor.core.diagnosis.SystemView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs the checks in {@link Check} order on one daemon thread and waits for them at most a
 * deadline. Opening a device node or reading a driver file can block inside a wedged driver,
 * and a thread blocked there cannot be stopped: past the deadline it is interrupted and left,
 * and the checks it had not finished are reported as {@link FindingCode#TIMED_OUT}.
 */
public final class Examination {

    /** The worker thread's name, one per examination. */
    public static final String THREAD_NAME = "lobby-governor-gpu-doctor";

    private static final String WEDGED_ACTION = "Look for Xid errors in the kernel log (dmesg | grep -i xid) and"
            + " for processes stuck in the driver (ps -eo pid,stat,cmd | grep ' D'); a GPU reset or a reboot"
            + " clears a wedged driver.";

    private Examination() {
    }

    /**
     * Examines {@code view}: one finding per {@link Check}, in order.
     *
     * @param view where to look
     * @param deadline the longest the caller waits
     * @return the findings
     */
    public static List<Finding> run(SystemView view, Duration deadline) {
        Objects.requireNonNull(view, "view");
        return within(deadline, sink -> steps(view, sink));
    }

    static void steps(SystemView view, Consumer<Finding> sink) {
        DeviceScan scan = DeviceNodes.scan(view);
        sink.accept(DeviceNodes.judge(scan));
        sink.accept(DeviceCgroup.check(view, scan));
        LibrarySearch library = NvmlLibrary.search(view);
        sink.accept(NvmlLibrary.judge(library));
        sink.accept(DriverVersion.check(view, library));
        sink.accept(ContainerToolkit.check(view, scan));
    }

    /** Runs {@code work} on a fresh daemon thread; whatever it has not delivered by the deadline is filled in. */
    static List<Finding> within(Duration deadline, Consumer<Consumer<Finding>> work) {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the examination's deadline must be positive, was " + deadline);
        }
        List<Finding> delivered = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                work.accept(delivered::add);
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                finished.countDown();
            }
        }, THREAD_NAME);
        worker.setDaemon(true);
        worker.start();
        boolean inTime;
        try {
            inTime = finished.await(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            inTime = false;
        }
        if (!inTime) {
            worker.interrupt();
        }
        List<Finding> snapshot;
        synchronized (delivered) {
            snapshot = new ArrayList<>(delivered);
        }
        List<Finding> findings = new ArrayList<>();
        boolean firstMissing = true;
        for (Check check : Check.values()) {
            Finding found = snapshot.stream().filter(f -> f.check() == check).findFirst().orElse(null);
            if (found == null) {
                found = inTime ? failed(check, failure.get()) : timedOut(check, firstMissing, deadline);
                firstMissing = false;
            }
            findings.add(found);
        }
        return findings;
    }

    private static Finding timedOut(Check check, boolean blocked, Duration deadline) {
        String summary = blocked
                ? "The check did not finish within " + deadline.toMillis() + " ms: a device open or a driver file"
                        + " read is blocked, which a wedged driver does."
                : "Not run: an earlier check was still blocked at the deadline.";
        return new Finding(check, FindingStatus.PROBLEM, FindingCode.TIMED_OUT, summary,
                List.of("deadline " + deadline.toMillis() + " ms"), WEDGED_ACTION);
    }

    private static Finding failed(Check check, RuntimeException cause) {
        String what = cause == null ? "the examination stopped before this check" : cause.toString();
        return new Finding(check, FindingStatus.PROBLEM, FindingCode.CHECK_FAILED,
                "The check failed unexpectedly: " + Evidence.quote(what) + ".", List.of(what),
                "Run the doctor again with --verbose and report the error with its evidence.");
    }
}
