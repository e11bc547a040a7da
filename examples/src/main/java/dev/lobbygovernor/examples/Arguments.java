package dev.lobbygovernor.examples;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A subcommand's options, parsed against what that subcommand accepts: {@code --flag},
 * {@code --name VALUE} or {@code --name=VALUE}. Anything else is a {@link UsageException}
 * that names the offending word.
 *
 * @param command the subcommand
 * @param values each given option's value ({@code ""} for a flag)
 */
record Arguments(String command, Map<String, String> values) {

    /** Whether an option takes a value. */
    enum Kind {
        FLAG,
        VALUE
    }

    Arguments {
        values = Map.copyOf(values);
    }

    /**
     * Parses the words after the subcommand.
     *
     * @param accepted the options this subcommand accepts, with their kinds
     */
    static Arguments parse(String command, List<String> words, Map<String, Kind> accepted)
            throws UsageException {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                throw new UsageException("unexpected argument '" + word + "' for " + command);
            }
            int eq = word.indexOf('=');
            String name = eq < 0 ? word : word.substring(0, eq);
            Kind kind = accepted.get(name);
            if (kind == null) {
                throw new UsageException("unknown option " + name + " for " + command);
            }
            if (values.containsKey(name)) {
                throw new UsageException("option " + name + " given twice");
            }
            String value;
            if (kind == Kind.FLAG) {
                if (eq >= 0) {
                    throw new UsageException("option " + name + " takes no value");
                }
                value = "";
            } else if (eq >= 0) {
                value = word.substring(eq + 1);
            } else if (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
                value = words.get(++i);
            } else {
                throw new UsageException("option " + name + " needs a value");
            }
            if (kind == Kind.VALUE && value.isBlank()) {
                throw new UsageException("option " + name + " needs a non-empty value");
            }
            values.put(name, value);
        }
        return new Arguments(command, values);
    }

    /** Splits {@code args} into the subcommand and the rest, then parses the rest. */
    static Arguments parse(String[] args, Map<String, Map<String, Kind>> commands)
            throws UsageException {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        Map<String, Kind> accepted = commands.get(args[0]);
        if (accepted == null) {
            throw new UsageException("unknown command '" + args[0] + "'");
        }
        return parse(args[0], Arrays.asList(args).subList(1, args.length), accepted);
    }

    boolean has(String option) {
        return values.containsKey(option);
    }

    Optional<String> value(String option) {
        return Optional.ofNullable(values.get(option));
    }
}
