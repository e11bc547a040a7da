package dev.lobbygovernor.core.admission;

/**
 * A permit was committed after its time to live ran out; its slot had already returned. The
 * lobby the caller created is not recorded: it still counts against the host (the runtime
 * lists it) and cleanup will report it as an orphan unless the caller stops it.
 */
public final class PermitExpiredException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * An expired-permit error.
     *
     * @param message what expired and what to do (never a PIN)
     */
    public PermitExpiredException(String message) {
        super(message);
    }
}
