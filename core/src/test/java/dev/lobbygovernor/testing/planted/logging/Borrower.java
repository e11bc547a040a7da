package dev.lobbygovernor.testing.planted.logging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Planted violation: logs through another class's logger. */
public final class Borrower {
    private static final Logger log = LoggerFactory.getLogger(String.class);

    /** Logs. */
    public void run() {
        log.debug("borrowed");
    }
}
