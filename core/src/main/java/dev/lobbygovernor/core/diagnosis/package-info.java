/**
 * Why NVML fails on this machine: checks of the NVIDIA stack around a GPU probe, each giving a
 * {@link dev.lobbygovernor.core.diagnosis.Finding} with a status, the evidence and what a person
 * can do about it.
 *
 * <p>{@link dev.lobbygovernor.core.diagnosis.GpuDoctor#examine} looks, in this order, at the
 * device nodes ({@code /dev/nvidia*}), the process's device cgroup, the NVML library
 * ({@code libnvidia-ml.so.1}), the loaded driver's version against the library's, and the
 * NVIDIA Container Toolkit's environment. It reads files only, never loads the library or
 * starts a process, and finishes within a deadline. Everything it reads goes through a
 * {@link dev.lobbygovernor.core.diagnosis.SystemView}: a root directory and an environment, so
 * that tests examine fake trees. The checks live in
 * {@code dev.lobbygovernor.core.diagnosis.internal}.
 */
package dev.lobbygovernor.core.diagnosis;
