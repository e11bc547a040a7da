package dev.lobbygovernor.core.health;

import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import java.time.Duration;
import java.util.Objects;

/**
 * Why a host has the health it has. Each kind is a record with typed fields; {@link #message()}
 * renders it for people.
 */
public sealed interface HealthReason {

    /** A sentence for people. */
    String message();

    /** The probe failed. */
    record ProbeFailed(ProbeFailureCause cause, String probeName, String detail) implements HealthReason {
        /** Requires the cause. */
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

    /** The latest sample is older than the staleness limit. */
    record Stale(Duration age, Duration limit) implements HealthReason {
        @Override
        public String message() {
            return "latest GPU sample is " + age.toMillis() + " ms old (limit " + limit.toMillis() + " ms)";
        }
    }

    /** A reading that cannot be true of a working GPU; {@code field} names which. */
    record Implausible(String field, String detail) implements HealthReason {
        @Override
        public String message() {
            return "implausible GPU reading: " + field + " (" + detail + ")";
        }
    }

    /** The host is at or above its warning threshold. */
    record NearCapacity(int active, int cap) implements HealthReason {
        @Override
        public String message() {
            return "near capacity: " + active + "/" + cap + " lobbies";
        }
    }

    /** The host is at its hard cap. */
    record AtCapacity(int active, int cap) implements HealthReason {
        @Override
        public String message() {
            return "at capacity: " + active + "/" + cap + " lobbies";
        }
    }

    /** GPU memory use is above its threshold. */
    record GpuMemoryHigh(long usedMiB, long totalMiB) implements HealthReason {
        @Override
        public String message() {
            return "GPU memory high: " + usedMiB + "/" + totalMiB + " MiB";
        }
    }

    /** GPU temperature is above its threshold. */
    record TemperatureHigh(int celsius, int limitCelsius) implements HealthReason {
        @Override
        public String message() {
            return "GPU temperature high: " + celsius + " °C (limit " + limitCelsius + " °C)";
        }
    }

    /** NVENC sessions are near their cap. */
    record EncoderSessionsHigh(int sessions, int cap) implements HealthReason {
        @Override
        public String message() {
            return "encoder sessions high: " + sessions + "/" + cap;
        }
    }
}
