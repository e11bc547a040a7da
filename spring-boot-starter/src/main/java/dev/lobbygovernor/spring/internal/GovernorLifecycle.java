package dev.lobbygovernor.spring.internal;

import dev.lobbygovernor.core.cleanup.LobbyReaper;
import dev.lobbygovernor.core.health.HealthMonitor;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the monitor and the reaper once the context is refreshed and stops them when it
 * closes: polling before the web server listens is harmless, but stopping after the context's
 * beans are gone is not.
 */
public final class GovernorLifecycle implements SmartLifecycle {

    private final HealthMonitor monitor;
    private final LobbyReaper reaper;
    private volatile boolean running;

    /**
     * A lifecycle over what is enabled.
     *
     * @param monitor the monitor, or {@code null} if disabled
     * @param reaper the reaper, or {@code null} if disabled
     */
    public GovernorLifecycle(HealthMonitor monitor, LobbyReaper reaper) {
        this.monitor = monitor;
        this.reaper = reaper;
    }

    @Override
    public void start() {
        if (monitor != null) {
            monitor.start();
        }
        if (reaper != null) {
            reaper.start();
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (reaper != null) {
            reaper.close();
        }
        if (monitor != null) {
            monitor.close();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
