package dev.lobbygovernor.nvml.internal;

/**
 * An NVML call returned a code that makes the device unreadable. Internal and stackless: it only
 * carries the function and code up to where the sample decides what they mean.
 */
final class CallFailed extends Exception {

    private static final long serialVersionUID = 1L;

    final String function;
    final int code;

    CallFailed(String function, int code) {
        super(function + " returned " + code, null, false, false);
        this.function = function;
        this.code = code;
    }

    /**
     * Whether {@code code} produced a value. {@code false} for a field this device does not
     * offer (the field becomes {@code null}).
     *
     * @throws CallFailed for any other failure
     */
    static boolean ok(String function, int code) throws CallFailed {
        if (code == NvmlReturn.SUCCESS) {
            return true;
        }
        if (NvmlReturn.fieldUnavailable(code)) {
            return false;
        }
        throw new CallFailed(function, code);
    }
}
