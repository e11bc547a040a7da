/**
 * The checks behind {@link dev.lobbygovernor.core.diagnosis.GpuDoctor}: one class per check,
 * bounded file reads, and the runner that holds the whole examination to a deadline.
 */
package dev.lobbygovernor.core.diagnosis.internal;
