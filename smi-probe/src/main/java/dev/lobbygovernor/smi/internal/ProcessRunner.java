package dev.lobbygovernor.smi.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a command with a deadline: stdout and stderr are drained concurrently with size caps (a
 * flood or a full pipe cannot hang the caller), and on timeout or flood the process and every
 * descendant it started are killed. Reports what happened; it never decides what it means.
 */
public final class ProcessRunner {

    /** How long killed processes get to disappear before they are reported as survivors. */
    public static final Duration KILL_GRACE = Duration.ofSeconds(2);

    /** How long the pipes get to reach their end once the process is gone. */
    public static final Duration DRAIN_GRACE = Duration.ofSeconds(1);

    /** Kills one process. Replaceable so tests can simulate a process that will not die. */
    @FunctionalInterface
    public interface Killer {
        /** Asks the process to die at once. */
        void kill(ProcessHandle process);
    }

    /** How a run ended. */
    public enum Ending {
        /** The process exited by itself and both pipes reached their end. */
        EXITED,
        /** The deadline passed; the process tree was killed. */
        TIMED_OUT,
        /** A pipe went past its cap; the process tree was killed. */
        FLOODED,
        /** The process exited, but a process it left behind kept a pipe open past the deadline. */
        OUTPUT_LEFT_OPEN
    }

    /**
     * The outcome of a run.
     *
     * @param ending how it ended
     * @param exitCode the exit code, if the process exited by itself
     * @param stdout what it printed on stdout, up to the cap
     * @param stderr what it printed on stderr, up to the cap
     * @param pid the process id
     * @param killed how many processes were killed (the process and its descendants)
     * @param stuck the process itself, if it was still alive after being killed and waited for
     */
    public record Result(Ending ending, OptionalInt exitCode, String stdout, String stderr, long pid,
            int killed, Optional<ProcessHandle> stuck) {
    }

    private final Executor drainExecutor;
    private final Killer killer;

    /**
     * A runner.
     *
     * @param drainExecutor runs the two pipe readers of each run; each runs until its pipe ends
     * @param killer kills a process
     */
    public ProcessRunner(Executor drainExecutor, Killer killer) {
        this.drainExecutor = Objects.requireNonNull(drainExecutor, "drainExecutor");
        this.killer = Objects.requireNonNull(killer, "killer");
    }

    /**
     * An executor that runs each task on a new daemon thread with the given name; the thread
     * ends with its task.
     */
    public static Executor daemonThreads(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        };
    }

    /**
     * Runs {@code command} and waits for it, at most {@code timeout}.
     *
     * @throws IOException if the process could not be started (missing executable, say)
     * @throws InterruptedException if interrupted while waiting; the process tree is killed first
     */
    public Result run(List<String> command, Duration timeout, int maxStdout, int maxStderr)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Process process = new ProcessBuilder(command).start();
        Tree tree = new Tree(process);
        try {
            process.getOutputStream().close(); // nvidia-smi reads no input; EOF rather than a pipe that never ends
        } catch (IOException ignored) {
            // The process already exited; its output tells the rest.
        }
        Drain out = new Drain(process.getInputStream(), maxStdout, tree::kill);
        Drain err = new Drain(process.getErrorStream(), maxStderr, tree::kill);
        try {
            drainExecutor.execute(out);
            drainExecutor.execute(err);
        } catch (RuntimeException rejected) {
            tree.kill(); // without readers its pipes would fill and it would hang forever
            throw rejected;
        }
        boolean exited;
        try {
            exited = process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            tree.kill();
            throw e;
        }
        if (!exited) {
            tree.kill();
        }
        long drainDeadline = Math.max(deadline, System.nanoTime() + DRAIN_GRACE.toNanos());
        boolean drained = out.awaitEnd(drainDeadline) & err.awaitEnd(drainDeadline);
        Ending ending = !exited ? Ending.TIMED_OUT
                : out.flooded() || err.flooded() ? Ending.FLOODED
                : drained ? Ending.EXITED : Ending.OUTPUT_LEFT_OPEN;
        OptionalInt exitCode = ending == Ending.EXITED && !process.isAlive()
                ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
        Optional<ProcessHandle> stuck = process.isAlive() ? Optional.of(process.toHandle()) : Optional.empty();
        return new Result(ending, exitCode, out.text(), err.text(), process.pid(), tree.killed(), stuck);
    }

    /** Whether a process is alive and not a zombie (a killed orphan may wait for a reaper). */
    public static boolean isLive(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String s = Files.readString(stat);
            int close = s.lastIndexOf(')');
            return close < 0 || close + 2 >= s.length() || s.charAt(close + 2) != 'Z';
        } catch (IOException | RuntimeException noProcfs) {
            return process.isAlive();
        }
    }

    /** The process and its descendants, killed at most once. */
    private final class Tree {
        private final Process process;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile int killed;

        Tree(Process process) {
            this.process = process;
        }

        int killed() {
            return killed;
        }

        /**
         * Kills the process and every descendant. The descendants are listed first, while the
         * process lives: once it dies they are re-parented and no longer show as its descendants.
         */
        void kill() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            List<ProcessHandle> family = new ArrayList<>();
            family.add(process.toHandle());
            try {
                process.descendants().forEach(family::add);
            } catch (RuntimeException unsupported) {
                // No process listing on this platform: the process itself is still killed.
            }
            family.forEach(this::killQuietly);
            killed = family.size();
            long deadline = System.nanoTime() + KILL_GRACE.toNanos();
            for (ProcessHandle p : family) {
                awaitDeath(p, deadline);
            }
        }

        private void killQuietly(ProcessHandle p) {
            try {
                killer.kill(p);
            } catch (RuntimeException notOurs) {
                // A process we may not signal: reported as a survivor if it lives on.
            }
        }

        private void awaitDeath(ProcessHandle p, long deadline) {
            try {
                while (isLive(p) && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
