package dev.lobbygovernor.store.jdbc.internal;

import java.sql.SQLException;

/**
 * A driver's exception with everything but its first line left out. PostgreSQL's driver
 * appends the server's detail to the message ("Failing row contains (…)", "Key (…)=(…)"),
 * which can hold a row's values, PIN included; the first line names the constraint or the
 * failure without values. The SQLState, vendor code and stack trace are kept.
 */
final class RedactedSqlException extends SQLException {

    private static final long serialVersionUID = 1L;

    private RedactedSqlException(String message, String sqlState, int vendorCode, Throwable cause) {
        super(message, sqlState, vendorCode, cause);
    }

    static SQLException of(SQLException e) {
        Throwable cause = e.getCause();
        Throwable safeCause = cause instanceof SQLException ? of((SQLException) cause) : cause;
        RedactedSqlException r = new RedactedSqlException(firstLine(e.getMessage()) + " (" + e.getClass().getName() + ")",
                e.getSQLState(), e.getErrorCode(), safeCause);
        r.setStackTrace(e.getStackTrace());
        return r;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
