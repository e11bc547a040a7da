/**
 * A {@link dev.lobbygovernor.core.gpu.GpuProbe} over the {@code nvidia-smi} command:
 * {@link dev.lobbygovernor.smi.NvidiaSmiGpuProbe} runs it (bounded, killed on timeout, never two
 * at once), {@link dev.lobbygovernor.smi.SmiCsvParser} reads its CSV by header name, and
 * {@link dev.lobbygovernor.smi.SmiFailureClassifier} types its failure messages. The parser and
 * the classifier are pure and work on saved files too.
 */
package dev.lobbygovernor.smi;
