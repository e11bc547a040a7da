/**
 * Wolf's wire model: Jackson records for the requests and replies of Wolf's HTTP API and its
 * event payloads, and {@link dev.lobbygovernor.wolf.model.WolfJson}, the shared configuration
 * (unknown fields ignored, a lobby PIN as Wolf's integer array). Shared by the client and the
 * simulator.
 */
package dev.lobbygovernor.wolf.model;
