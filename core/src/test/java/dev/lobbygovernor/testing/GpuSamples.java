package dev.lobbygovernor.testing;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Ready-made {@link GpuSample}s for tests: a plausible reading of the incident's GPU (an RTX 2000
 * Ada, 16380 MiB), the all-zero reading of its dark hours, and a device builder for the rest.
 */
public final class GpuSamples {

    /** The incident's GPU. */
    public static final String RTX_2000_ADA = "NVIDIA RTX 2000 Ada Generation";

    /** Its memory, in MiB. */
    public static final long RTX_2000_ADA_MIB = 16380;

    private GpuSamples() {
    }

    /** A plausible one-GPU reading: 2 encoder sessions, 2240 of 16380 MiB, 52 °C. */
    public static GpuSample plausible(String source, Instant at) {
        return of(source, at, device().build());
    }

    /** A plausible one-GPU reading with this many encoder sessions. */
    public static GpuSample plausible(String source, Instant at, int encoderSessions) {
        return of(source, at, device().encoderSessions(encoderSessions).build());
    }

    /**
     * What the incident's control plane read while NVML failed: empty name, 0 MiB used and total,
     * 0 encoder sessions, every other field zero.
     */
    public static GpuSample allZero(String source, Instant at) {
        return of(source, at, new GpuDevice(0, "", "", 0L, 0L, 0L, 0, 0, 0, 0, 0.0, 0, 0, 0, List.of()));
    }

    /** A reading with no device at all. */
    public static GpuSample noDevices(String source, Instant at) {
        return new GpuSample(source, at, Duration.ofMillis(3), List.of());
    }

    /** A sample of these devices. */
    public static GpuSample of(String source, Instant at, GpuDevice... devices) {
        return new GpuSample(source, at, Duration.ofMillis(3), List.of(devices));
    }

    /** A builder starting from a plausible device (see {@link #plausible(String, Instant)}). */
    public static DeviceBuilder device() {
        return new DeviceBuilder();
    }

    /** Builds a {@link GpuDevice}; starts plausible. */
    public static final class DeviceBuilder {
        private int index;
        private String name = RTX_2000_ADA;
        private Long totalMiB = RTX_2000_ADA_MIB;
        private Long usedMiB = 2240L;
        private Integer gpuUtil = 23;
        private Integer temperature = 52;
        private Double power = 31.5;
        private Integer encoderSessions = 2;

        private DeviceBuilder() {
        }

        /** The device index (default 0). */
        public DeviceBuilder index(int index) {
            this.index = index;
            return this;
        }

        /** The product name; empty for the incident's blank reading. */
        public DeviceBuilder name(String name) {
            this.name = name;
            return this;
        }

        /** Used and total memory in MiB; free is derived. {@code null} for "not reported". */
        public DeviceBuilder memory(Long usedMiB, Long totalMiB) {
            this.usedMiB = usedMiB;
            this.totalMiB = totalMiB;
            return this;
        }

        /** GPU utilisation in percent; memory utilisation is derived. {@code null} for "not reported". */
        public DeviceBuilder gpuUtilization(Integer percent) {
            this.gpuUtil = percent;
            return this;
        }

        /** Temperature in °C; {@code null} for "not reported". */
        public DeviceBuilder temperature(Integer celsius) {
            this.temperature = celsius;
            return this;
        }

        /** Board power in W; {@code null} for "not reported". */
        public DeviceBuilder power(Double watts) {
            this.power = watts;
            return this;
        }

        /** NVENC sessions; fps and latency are derived. {@code null} for "not reported". */
        public DeviceBuilder encoderSessions(Integer sessions) {
            this.encoderSessions = sessions;
            return this;
        }

        /** The device. */
        public GpuDevice build() {
            Long free = usedMiB == null || totalMiB == null ? null : Math.max(0, totalMiB - usedMiB);
            Integer fps = encoderSessions == null ? null : encoderSessions == 0 ? 0 : 60;
            Integer latency = encoderSessions == null ? null : encoderSessions == 0 ? 0 : 2100;
            return new GpuDevice(index, "GPU-6c1f0e5a-0000-4000-8000-00000000000" + index, name,
                    totalMiB, usedMiB, free, gpuUtil, gpuUtil == null ? null : gpuUtil / 2,
                    encoderSessions == null ? null : Math.min(100, encoderSessions * 9),
                    temperature, power, encoderSessions, fps, latency, List.of());
        }
    }
}
