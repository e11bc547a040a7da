package dev.lobbygovernor.store;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The PIN that protects a lobby: a secret.
 *
 * <p>Wolf stores a lobby's PIN as an array of small integers and compares the array sent on
 * {@code stop} or {@code join} with it exactly, so the digits are kept as given. The PIN never
 * appears in {@link #toString()}, and nothing in this library puts it in a log line, an
 * exception message or an event; {@link #digits()} and {@link #reveal()} are the only ways out,
 * for the code that must send it to the streaming server or store it.
 */
public final class LobbyPin {

    private static final int MAX_DIGITS = 16;

    private final int[] digits;

    private LobbyPin(int[] digits) {
        this.digits = digits;
    }

    /**
     * A PIN from a string of decimal digits, such as {@code "1234"}.
     *
     * @param text the digits, leading zeros included
     * @return the PIN
     * @throws IllegalArgumentException if the text is empty, too long or holds anything but
     *     the digits 0–9 (the message never repeats the text)
     */
    public static LobbyPin of(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_DIGITS) {
            throw new IllegalArgumentException(
                    "A lobby PIN must be 1 to " + MAX_DIGITS + " decimal digits");
        }
        int[] digits = new int[text.length()];
        for (int i = 0; i < digits.length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("A lobby PIN may hold only the digits 0-9");
            }
            digits[i] = c - '0';
        }
        return new LobbyPin(digits);
    }

    /**
     * A PIN from Wolf's wire form, an array of integers 0–9.
     *
     * @param digits the digits, first to last; copied
     * @return the PIN
     * @throws IllegalArgumentException if the array is empty, too long or holds a value
     *     outside 0–9 (the message never repeats the values)
     */
    public static LobbyPin ofDigits(int... digits) {
        if (digits == null || digits.length == 0 || digits.length > MAX_DIGITS) {
            throw new IllegalArgumentException(
                    "A lobby PIN must be 1 to " + MAX_DIGITS + " decimal digits");
        }
        for (int d : digits) {
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("A lobby PIN may hold only the digits 0-9");
            }
        }
        return new LobbyPin(digits.clone());
    }

    /**
     * The digits, as Wolf expects them on the wire.
     *
     * @return a fresh copy of the digits on each call
     */
    public int[] digits() {
        return digits.clone();
    }

    /**
     * The digits as one string, for a store that keeps the PIN as text.
     *
     * @return the digits, such as {@code "0042"}
     */
    public String reveal() {
        StringBuilder sb = new StringBuilder(digits.length);
        for (int d : digits) {
            sb.append((char) ('0' + d));
        }
        return sb.toString();
    }

    /**
     * How many digits the PIN has; not secret.
     *
     * @return the number of digits, 1 to 16
     */
    public int length() {
        return digits.length;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof LobbyPin)) {
            return false;
        }
        // constant-time, so comparing PINs leaks nothing through timing
        return MessageDigest.isEqual(bytes(), ((LobbyPin) other).bytes());
    }

    private byte[] bytes() {
        byte[] b = new byte[digits.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) digits[i];
        }
        return b;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digits);
    }

    /** Always {@code LobbyPin[****]}: the PIN is a secret. */
    @Override
    public String toString() {
        return "LobbyPin[****]";
    }
}
