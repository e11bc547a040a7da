/**
 * A {@link dev.lobbygovernor.core.gpu.GpuProbe} over the {@code nvidia-smi} command:
 * {@link dev.lobbygovernor.smi.NvidiaSmiGpuProbe} runs it (bounded, killed on timeout, never two
 * at once), configured by {@link dev.lobbygovernor.smi.SmiProbeConfig};
 * {@link dev.lobbygovernor.smi.SmiCsvParser} reads its CSV by header name, and
 * {@link dev.lobbygovernor.smi.SmiFailureClassifier} types its failure messages. The parser and
 * the classifier are pure and work on saved files too.
 *
 * <p>Logging: each class logs under its own name. {@code dev.lobbygovernor.smi.internal.SmiTransitions}
 * reports a GPU field or the compute-process query starting or stopping to fail, once per
 * change; {@code dev.lobbygovernor.smi.NvidiaSmiGpuProbe} reports a field an old nvidia-smi
 * does not know (INFO, once) and a run killed on timeout (DEBUG). Nothing logs a line per sample.
 */
package dev.lobbygovernor.smi;
