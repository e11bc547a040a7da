/** The status JSON behind {@link dev.lobbygovernor.dashboard.DashboardFeed}; not an API. */
package dev.lobbygovernor.dashboard.internal;
