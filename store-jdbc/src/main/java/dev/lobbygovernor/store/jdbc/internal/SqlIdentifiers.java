package dev.lobbygovernor.store.jdbc.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks the names a host configures before they reach SQL text: they cannot be bound as
 * parameters, so each must be a plain identifier, and it is quoted so that it means exactly
 * itself (no keyword, no case folding).
 */
final class SqlIdentifiers {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern TYPE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*( [A-Za-z_][A-Za-z0-9_]*)*");

    private SqlIdentifiers() {
    }

    /** {@code name} quoted, after checking it is a plain identifier. */
    static String quoted(String name, String what) {
        Objects.requireNonNull(name, what);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must match " + NAME.pattern() + ", was '" + name + "'");
        }
        return '"' + name + '"';
    }

    /** A table name, optionally schema-qualified, each part checked and quoted. */
    static String quotedTable(String table, String what) {
        Objects.requireNonNull(table, what);
        int dot = table.indexOf('.');
        return dot < 0 ? quoted(table, what)
                : quoted(table.substring(0, dot), what + " (schema)") + "." + quoted(table.substring(dot + 1), what);
    }

    /** A type name such as {@code uuid} or {@code character varying}, checked, not quoted. */
    static String type(String type, String what) {
        Objects.requireNonNull(type, what);
        if (type.length() > 63 || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException(what + " must be a plain type name such as uuid, was '" + type + "'");
        }
        return type;
    }
}
