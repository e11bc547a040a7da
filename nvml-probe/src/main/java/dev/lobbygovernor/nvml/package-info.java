/**
 * A {@link dev.lobbygovernor.core.gpu.GpuProbe} that reads GPUs in-process through NVML
 * ({@code libnvidia-ml.so.1}) with JNA: name, UUID, memory, utilisation, temperature, power,
 * NVENC sessions and the processes on each GPU.
 *
 * <p>Start with {@link dev.lobbygovernor.nvml.NvmlGpuProbe#create()}, or let
 * {@code Probes.discover()} find {@link dev.lobbygovernor.nvml.NvmlGpuProbeProvider}. NVML is
 * process-wide: every probe in a JVM shares one NVML session and one library.
 *
 * <p>Logging: each class logs under its own name. The lines worth watching come from
 * {@code dev.lobbygovernor.nvml.internal.Transitions} (the session starting, NVML or one GPU
 * starting or stopping to fail, once per change) and
 * {@code dev.lobbygovernor.nvml.internal.NvmlSession} (shutting NVML down); nothing logs a line
 * per sample.
 */
package dev.lobbygovernor.nvml;
