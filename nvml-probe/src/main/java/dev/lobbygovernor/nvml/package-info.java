/** Placeholder until the module lands. */
package dev.lobbygovernor.nvml;
