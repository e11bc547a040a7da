package dev.lobbygovernor.core.diagnosis.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cgroup v1 {@code devices.list}: the devices a cgroup may use, one rule a line,
 * {@code TYPE MAJOR:MINOR ACCESS} — type {@code a} (all), {@code c} or {@code b}, a number or
 * {@code *} for each of major and minor, and a subset of {@code rwm} (read, write, mknod). Pure.
 *
 * @param rules the rules, in file order
 */
record DeviceRules(List<Rule> rules) {

    private static final Pattern LINE = Pattern.compile("([abc]) (\\*|\\d{1,9}):(\\*|\\d{1,9}) ([rwm]{1,3})");
    private static final int ANY = -1;

    DeviceRules {
        rules = List.copyOf(rules);
    }

    /** One rule; {@code -1} stands for {@code *}. */
    record Rule(char type, int major, int minor, String access) {

        boolean matchesCharacterDevice(int devMajor, int devMinor) {
            return (type == 'a' || type == 'c') && (major == ANY || major == devMajor)
                    && (minor == ANY || minor == devMinor);
        }

        @Override
        public String toString() {
            return type + " " + (major == ANY ? "*" : Integer.toString(major)) + ":"
                    + (minor == ANY ? "*" : Integer.toString(minor)) + " " + access;
        }
    }

    /** The parsed rules, or the first line that is not a rule. */
    record Parsed(Optional<DeviceRules> rules, String badLine) {
    }

    static Parsed parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(trimmed);
            if (!m.matches()) {
                return new Parsed(Optional.empty(), line);
            }
            rules.add(new Rule(m.group(1).charAt(0), number(m.group(2)), number(m.group(3)), m.group(4)));
        }
        return new Parsed(Optional.of(new DeviceRules(rules)), "");
    }

    private static int number(String s) {
        return s.equals("*") ? ANY : Integer.parseInt(s);
    }

    /** The access letters (in {@code rwm} order) the rules grant character device {@code major:minor}. */
    String accessTo(int major, int minor) {
        StringBuilder granted = new StringBuilder();
        for (char letter : new char[] {'r', 'w', 'm'}) {
            boolean any = rules.stream().anyMatch(r -> r.matchesCharacterDevice(major, minor)
                    && r.access().indexOf(letter) >= 0);
            if (any) {
                granted.append(letter);
            }
        }
        return granted.toString();
    }

    /** The rules that mention {@code major} or match every device, as evidence. */
    List<String> mentioning(int major) {
        return rules.stream().filter(r -> r.type() != 'b' && (r.major() == ANY || r.major() == major))
                .map(Rule::toString).toList();
    }
}
