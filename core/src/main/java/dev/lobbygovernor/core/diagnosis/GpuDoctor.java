package dev.lobbygovernor.core.diagnosis;

import dev.lobbygovernor.core.diagnosis.internal.Examination;
import java.time.Duration;
import java.util.List;

/**
 * Explains a failing NVML: examines the NVIDIA stack as this process sees it and returns one
 * {@link Finding} per {@link Check}, in {@link Check} order. A host calls it when its GPU probe
 * reports monitoring lost; the command line's {@code doctor} prints it.
 *
 * <p>It only reads: it lists {@code /dev}, opens each NVIDIA device node read-only once and
 * closes it, and reads {@code /proc/self/cgroup}, the cgroup's {@code devices.list},
 * {@code /proc/devices}, {@code /proc/driver/nvidia/version}, {@code /etc/ld.so.cache} and the
 * library directories. It never loads the library, starts a process or throws on what it reads:
 * a file holding garbage becomes a {@link FindingCode#UNREADABLE} finding.
 *
 * <p>Bounded: the checks run on one daemon thread named
 * {@value dev.lobbygovernor.core.diagnosis.internal.Examination#THREAD_NAME}, started per call,
 * and the caller waits at most the deadline. A device open blocked inside a wedged driver cannot
 * be stopped; that thread is interrupted and left, and the checks it had not finished come back
 * as {@link FindingCode#TIMED_OUT}.
 */
public final class GpuDoctor {

    /** How long {@link #examine(SystemView)} waits at most. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);

    private GpuDoctor() {
    }

    /**
     * Examines {@code view} within {@link #DEFAULT_DEADLINE}.
     *
     * @param view where to look; {@link SystemView#live()} for this machine
     * @return one finding per check, in {@link Check} order
     * @throws NullPointerException if {@code view} is null
     */
    public static List<Finding> examine(SystemView view) {
        return examine(view, DEFAULT_DEADLINE);
    }

    /**
     * Examines {@code view}, waiting at most {@code deadline}.
     *
     * @param view where to look; {@link SystemView#live()} for this machine
     * @param deadline the longest this call takes (plus the time to start a thread)
     * @return one finding per check, in {@link Check} order
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code deadline} is zero or negative
     */
    public static List<Finding> examine(SystemView view, Duration deadline) {
        return Examination.run(view, deadline);
    }
}
