/**
 * A live page of every host: lobbies against the cap with a banner from the warning threshold,
 * a loud banner while monitoring is lost, GPU readings with their age, lobbies oldest first,
 * orphans and the last cleanup outcomes. {@link dev.lobbygovernor.dashboard.DashboardAssets}
 * holds the page (plain HTML, CSS and JavaScript, no build step, nothing fetched from elsewhere)
 * and {@link dev.lobbygovernor.dashboard.DashboardFeed} the status JSON it polls; any HTTP server
 * can serve both. The implementation lives in {@code dev.lobbygovernor.dashboard.internal}.
 */
package dev.lobbygovernor.dashboard;
