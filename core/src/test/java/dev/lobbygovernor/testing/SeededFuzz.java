package dev.lobbygovernor.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Fuzzing at volume from one seed: many generated inputs, each checked; a failure names the
 * seed and the input, and setting the system property {@value #SEED_PROPERTY} to that seed
 * replays the same inputs in the same order. The seed is fresh per run unless set, so every
 * build explores new inputs.
 */
public final class SeededFuzz {

    /** The system property that fixes the seed, to replay a failure. */
    public static final String SEED_PROPERTY = "lobbygovernor.fuzz.seed";

    private SeededFuzz() {
    }

    /** A check of one input; throwing anything fails the run. */
    @FunctionalInterface
    public interface Check<T> {
        /** Checks {@code input}. */
        void accept(T input) throws Exception;
    }

    /** The seed of this run: the property's value, else a fresh one. */
    public static long seed() {
        Long fixed = Long.getLong(SEED_PROPERTY);
        return fixed != null ? fixed : new SplittableRandom().nextLong();
    }

    /**
     * Checks {@code inputs} inputs made by {@code generator} from one seed.
     *
     * @throws AssertionError naming the seed and the input, with the failure as its cause
     */
    public static <T> void run(String what, int inputs, Function<SplittableRandom, T> generator, Check<T> check) {
        long seed = seed();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < inputs; i++) {
            T input = generator.apply(random);
            try {
                check.accept(input);
            } catch (Throwable t) {
                String message = what + ": input #" + i + " of seed " + seed + " failed (replay with -D"
                        + SEED_PROPERTY + "=" + seed + "): " + describe(input) + ": " + t;
                System.err.println(message);
                throw new AssertionError(message, t);
            }
        }
    }

    /** An input for a failure message: text escaped, cut at 300 characters. */
    public static String describe(Object input) {
        String text = input instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(input);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < 300; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\x%02x", (int) c & 0xff));
            } else {
                out.append(c);
            }
        }
        return "\"" + out + (text.length() > 300 ? "\"... (" + text.length() + " chars)" : "\"");
    }

    /**
     * {@code valid} with a few random mutations: bytes flipped, inserted, deleted, duplicated
     * runs, words from {@code dictionary} spliced in, a cut at a random place.
     */
    public static byte[] mutate(SplittableRandom r, byte[] valid, String... dictionary) {
        byte[] b = valid.clone();
        int edits = 1 + r.nextInt(6);
        for (int e = 0; e < edits; e++) {
            int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
            switch (r.nextInt(7)) {
                case 0 -> {
                    if (at < b.length) {
                        b[at] = (byte) r.nextInt(256);
                    }
                }
                case 1 -> b = splice(b, at, at, new byte[] {(byte) r.nextInt(256)});
                case 2 -> b = splice(b, at, Math.min(b.length, at + 1 + r.nextInt(8)), new byte[0]);
                case 3 -> {
                    int end = Math.min(b.length, at + 1 + r.nextInt(32));
                    b = splice(b, at, at, Arrays.copyOfRange(b, at, end));
                }
                case 4 -> {
                    if (dictionary.length > 0) {
                        b = splice(b, at, at, dictionary[r.nextInt(dictionary.length)]
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
                case 5 -> b = Arrays.copyOf(b, at);
                default -> {
                    if (at < b.length) {
                        b[at] = (byte) (b[at] ^ (1 << r.nextInt(8)));
                    }
                }
            }
        }
        return b;
    }

    /** Random bytes, {@code 0..max} of them, drawn from {@code alphabet} when it is given. */
    public static byte[] noise(SplittableRandom r, int max, String alphabet) {
        byte[] b = new byte[r.nextInt(max + 1)];
        for (int i = 0; i < b.length; i++) {
            b[i] = alphabet.isEmpty() ? (byte) r.nextInt(256) : (byte) alphabet.charAt(r.nextInt(alphabet.length()));
        }
        return b;
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }

    /**
     * Fails if {@code work} on an input eight times larger takes much more than eight times as
     * long: a quadratic parser takes 64 times. The best of a few timings of each size, so a
     * busy machine's pauses do not count, and a wide margin for what remains.
     *
     * @param inputOfSize makes an input of about the given size
     * @param work the work on one input; its exceptions are part of the work
     * @param small the smaller size
     */
    public static void assertLinear(IntFunction<byte[]> inputOfSize, Check<byte[]> work, int small) {
        byte[] little = inputOfSize.apply(small);
        byte[] big = inputOfSize.apply(small * 8);
        String last = "";
        // a quadratic cost is 64x at every try; a burst of load on a shared machine passes
        for (int attempt = 0; attempt < 3; attempt++) {
            long tLittle = Long.MAX_VALUE;
            long tBig = Long.MAX_VALUE;
            for (int round = 0; round < 11; round++) { // the fastest of many: a busy machine slows single runs
                tLittle = Math.min(tLittle, time(work, little));
                tBig = Math.min(tBig, time(work, big));
            }
            double ratio = (double) tBig / Math.max(1, tLittle);
            if (ratio <= 30) {
                return;
            }
            last = "8x the input took " + String.format("%.1f", ratio) + "x the time (" + tLittle / 1000 + " us for "
                    + little.length + " bytes, " + tBig / 1000 + " us for " + big.length + ")";
        }
        throw new AssertionError(last + ", three times in a row: not linear");
    }

    private static long time(Check<byte[]> work, byte[] input) {
        long start = System.nanoTime();
        try {
            work.accept(input);
        } catch (Exception expected) {
            // a refusal is a result like any other; its cost is what is measured
        }
        return System.nanoTime() - start;
    }
}
