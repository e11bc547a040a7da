/**
 * GPU probes: the SPI through which the library reads a host's GPUs, the values a reading is
 * made of, and the decorators every shared probe needs.
 *
 * <p>A {@link dev.lobbygovernor.core.gpu.GpuProbe} returns a
 * {@link dev.lobbygovernor.core.gpu.GpuSample} (one
 * {@link dev.lobbygovernor.core.gpu.GpuDevice} per GPU) or throws a
 * {@link dev.lobbygovernor.core.gpu.ProbeException} with a typed
 * {@link dev.lobbygovernor.core.gpu.ProbeFailureCause} and the tool's own words. The NVML,
 * nvidia-smi and Wolf modules implement it, and
 * {@link dev.lobbygovernor.core.gpu.GpuProbeProvider} lets {@link java.util.ServiceLoader} find
 * them. Native calls can hang when the driver is wedged, so wrap a probe with
 * {@link dev.lobbygovernor.core.gpu.Probes#standard} (timeout, single flight, cache) before
 * sharing it, and chain probes with {@link dev.lobbygovernor.core.gpu.Probes#fallback}.
 *
 * <p>{@link dev.lobbygovernor.core.gpu.SamplePlausibility} is the library's one check of whether
 * a reading can be true of a working GPU, and
 * {@link dev.lobbygovernor.core.gpu.NvidiaFailureText} recognises NVIDIA's failure texts and
 * says what an operator should do. The decorators live in
 * {@code dev.lobbygovernor.core.gpu.internal}.
 */
package dev.lobbygovernor.core.gpu;
