package dev.lobbygovernor.core.health;

import dev.lobbygovernor.core.gpu.GpuFault;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Why a host has the health it has. Each kind is a record with typed fields; {@link #message()}
 * renders it for people.
 */
public sealed interface HealthReason {

    /**
     * A sentence for people, for logs and dashboards; never a PIN.
     *
     * @return the reason rendered with its numbers
     */
    String message();

    /**
     * The probe failed.
     *
     * @param cause the failure's category, which decides what an operator is told to do
     * @param probeName the probe that failed; empty if unknown
     * @param detail what went wrong, with the tool's own words quoted; empty if nothing more
     */
    record ProbeFailed(ProbeFailureCause cause, String probeName, String detail) implements HealthReason {
        /**
         * Requires the cause.
         *
         * @param cause the failure's category; not null
         * @param probeName the probe that failed; {@code null} reads as empty
         * @param detail what went wrong; {@code null} reads as empty
         * @throws NullPointerException if {@code cause} is null
         */
        public ProbeFailed {
            Objects.requireNonNull(cause, "cause");
            probeName = Objects.requireNonNullElse(probeName, "");
            detail = Objects.requireNonNullElse(detail, "");
        }

        @Override
        public String message() {
            return "GPU probe " + probeName + " failed (" + cause + "): " + detail;
        }
    }

    /**
     * The latest sample is older than the staleness limit.
     *
     * @param age how old the sample was when classified
     * @param limit the staleness limit it exceeds ({@link HealthThresholds#stalenessLimit()})
     */
    record Stale(Duration age, Duration limit) implements HealthReason {
        @Override
        public String message() {
            return "latest GPU sample is " + age.toMillis() + " ms old (limit " + limit.toMillis() + " ms)";
        }
    }

    /**
     * A reading that cannot be true of a working GPU; {@code field} names which.
     *
     * @param field the field that cannot be right, such as {@code devices[0].name}
     * @param detail what was read and why it cannot be right
     */
    record Implausible(String field, String detail) implements HealthReason {
        @Override
        public String message() {
            return "implausible GPU reading: " + field + " (" + detail + ")";
        }
    }

    /**
     * The readings are good again after monitoring was lost, but not yet for long enough
     * ({@link MonitorConfig#recoveryReadings()}): the host stays lost until they are.
     *
     * @param goodReadings good readings in a row so far
     * @param needed good readings in a row needed to recover
     */
    record Recovering(int goodReadings, int needed) implements HealthReason {
        @Override
        public String message() {
            return "GPU readings good again, " + goodReadings + " of " + needed
                    + " in a row needed before monitoring counts as restored";
        }
    }

    /**
     * The host is at or above its warning threshold.
     *
     * @param active lobbies running or reserved
     * @param cap the host's effective cap
     */
    record NearCapacity(int active, int cap) implements HealthReason {
        @Override
        public String message() {
            return "near capacity: " + active + "/" + cap + " lobbies";
        }
    }

    /**
     * The host is at its hard cap.
     *
     * @param active lobbies running or reserved; at least {@code cap}
     * @param cap the host's effective cap
     */
    record AtCapacity(int active, int cap) implements HealthReason {
        @Override
        public String message() {
            return "at capacity: " + active + "/" + cap + " lobbies";
        }
    }

    /**
     * GPU memory use is at or above its threshold ({@link HealthThresholds#memoryHighPercent()}).
     *
     * @param usedMiB memory in use on the device, in MiB
     * @param totalMiB the device's total memory, in MiB
     */
    record GpuMemoryHigh(long usedMiB, long totalMiB) implements HealthReason {
        @Override
        public String message() {
            return "GPU memory high: " + usedMiB + "/" + totalMiB + " MiB";
        }
    }

    /**
     * GPU temperature is at or above its threshold.
     *
     * @param celsius the device's temperature, in degrees Celsius
     * @param limitCelsius the threshold it reached ({@link HealthThresholds#temperatureHighCelsius()})
     */
    record TemperatureHigh(int celsius, int limitCelsius) implements HealthReason {
        @Override
        public String message() {
            return "GPU temperature high: " + celsius + " °C (limit " + limitCelsius + " °C)";
        }
    }

    /**
     * NVENC sessions are near their cap (one short of it, a warning) or at it (exhausted).
     *
     * @param sessions encoder sessions in use, summed over the host's devices
     * @param cap the session limit ({@link HealthThresholds#encoderSessionLimit()})
     */
    record EncoderSessionsHigh(int sessions, int cap) implements HealthReason {
        @Override
        public String message() {
            return "encoder sessions high: " + sessions + "/" + cap;
        }
    }

    /**
     * The streaming server says, in its own health report, that it cannot take a new lobby: it
     * cannot create new pipelines, or calls its state critical. The host refuses admission on
     * that word until the server reports otherwise.
     *
     * @param source the server's name, such as {@code Wolf}
     * @param overallStatus the server's own word for its state; empty if it gave none
     * @param stillAnswering false when the server no longer answers and this is its last word
     */
    record ServerCritical(String source, String overallStatus, boolean stillAnswering) implements HealthReason {
        @Override
        public String message() {
            String state = overallStatus.isEmpty() ? "" : " (status " + overallStatus + ")";
            return source + "'s own health report: it cannot create new pipelines" + state
                    + (stillAnswering ? "" : "; it no longer answers, and this was its last report");
        }
    }

    /**
     * The streaming server says some of its threads stopped their heartbeat: it may hang soon.
     *
     * @param source the server's name, such as {@code Wolf}
     * @param stuck stuck threads
     * @param total threads it watches
     * @param names the stuck threads' names, as the server gave them
     */
    record ServerThreadsStuck(String source, int stuck, int total, List<String> names) implements HealthReason {
        /**
         * Copies the names.
         *
         * @param source the server's name
         * @param stuck stuck threads
         * @param total threads it watches
         * @param names the stuck threads' names; {@code null} reads as none
         */
        public ServerThreadsStuck {
            names = names == null ? List.of() : List.copyOf(names);
        }

        @Override
        public String message() {
            return source + "'s own health report: " + stuck + " of " + total + " threads stuck"
                    + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")");
        }
    }

    /**
     * The streaming server has a health report but could not be asked for it this time.
     *
     * @param source the server's name, such as {@code Wolf}
     * @param detail why
     */
    record ServerReportUnreadable(String source, String detail) implements HealthReason {
        @Override
        public String message() {
            return source + "'s own health report could not be read: " + detail;
        }
    }

    /**
     * A probe saw a fault on one GPU: an Xid, or a state that needs action. A fault whose effect
     * is {@link GpuFault.Effect#OUT_OF_SERVICE} holds the host out of admission (its status is
     * {@link HealthStatus#EXHAUSTED}) until the probe reports the GPU recovered; the others are
     * warnings, an {@link GpuFault.Effect#APPLICATION} one about the lobbies rather than the GPU.
     *
     * @param gpuIndex the device index
     * @param gpuUuid the device UUID; empty if unknown
     * @param fault what was seen, with the Xid number, NVIDIA's meaning and its recommended action
     */
    record GpuFaulted(int gpuIndex, String gpuUuid, GpuFault fault) implements HealthReason {
        /**
         * Requires the fault.
         *
         * @param gpuIndex the device index
         * @param gpuUuid the device UUID; {@code null} reads as empty
         * @param fault what was seen; not null
         * @throws NullPointerException if {@code fault} is null
         */
        public GpuFaulted {
            gpuUuid = Objects.requireNonNullElse(gpuUuid, "");
            Objects.requireNonNull(fault, "fault");
        }

        /**
         * Whether the GPU takes no new lobby because of this fault.
         *
         * @return true for an {@link GpuFault.Effect#OUT_OF_SERVICE} fault
         */
        public boolean outOfService() {
            return fault.effect() == GpuFault.Effect.OUT_OF_SERVICE;
        }

        @Override
        public String message() {
            String gpu = "GPU " + gpuIndex + (gpuUuid.isEmpty() ? "" : " (" + gpuUuid + ")");
            switch (fault.effect()) {
                case APPLICATION:
                    return "lobby application error on " + gpu + ": " + fault.describe();
                case OUT_OF_SERVICE:
                    return gpu + " out of service until it recovers: " + fault.describe();
                default:
                    return "fault on " + gpu + ": " + fault.describe();
            }
        }
    }
}
