package org.relaybench.tests.common;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of valid inputs, for the tests that feed every parser of outside data what a
 * broken or hostile source sends: bytes flipped, inserted, deleted, spans cut out or repeated, the
 * input truncated, and tokens of the format (a dictionary) spliced in where they do not belong. The
 * same seed gives the same cases, so a failure is replayed by its seed, which every message names.
 */
public final class Mutator {

    /** The system property that replaces a test's seed, to replay a failure. */
    public static final String SEED_PROPERTY = "relaybench.mutation.seed";

    private final long seed;
    private final Random random;
    private final List<byte[]> dictionary;

    /**
     * @param defaultSeed the seed, unless {@value #SEED_PROPERTY} gives another
     * @param dictionary tokens of the input's format to splice in
     */
    public Mutator(long defaultSeed, List<String> dictionary) {
        this.seed = Long.getLong(SEED_PROPERTY, defaultSeed);
        this.random = new Random(seed);
        this.dictionary = dictionary.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** @return the seed in use, for messages */
    public long seed() {
        return seed;
    }

    /** @return the random source, for the test's own choices */
    public Random random() {
        return random;
    }

    /**
     * @param input a valid input
     * @return the input with one to four mutations
     */
    public byte[] mutate(byte[] input) {
        byte[] out = input;
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            out = once(out);
        }
        return out;
    }

    /**
     * @param input a valid text
     * @return the text with one to four mutations, decoded as UTF-8 (malformed bytes become U+FFFD)
     */
    public String mutate(String input) {
        return new String(mutate(input.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    private byte[] once(byte[] in) {
        int n = in.length;
        int at = n == 0 ? 0 : random.nextInt(n);
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 64);
        switch (random.nextInt(7)) {
        case 0 -> { // flip a byte
            byte[] copy = in.clone();
            if (n > 0) {
                copy[at] = (byte) random.nextInt(256);
            }
            return copy;
        }
        case 1 -> { // insert random bytes
            out.write(in, 0, at);
            for (int i = random.nextInt(8) + 1; i > 0; i--) {
                out.write(random.nextInt(256));
            }
            out.write(in, at, n - at);
        }
        case 2 -> { // delete a span
            int len = Math.min(n - at, 1 + random.nextInt(32));
            out.write(in, 0, at);
            out.write(in, at + len, n - at - len);
        }
        case 3 -> { // truncate
            out.write(in, 0, at);
        }
        case 4 -> { // repeat a span, sometimes many times
            int len = Math.min(n - at, 1 + random.nextInt(64));
            int times = random.nextInt(10) == 0 ? 500 : 2;
            out.write(in, 0, at + len);
            for (int i = 1; i < times; i++) {
                out.write(in, at, len);
            }
            out.write(in, at + len, n - at - len);
        }
        case 5 -> { // splice a token of the format
            byte[] token = dictionary.isEmpty() ? new byte[] { 0 } : dictionary.get(random.nextInt(dictionary.size()));
            out.write(in, 0, at);
            out.write(token, 0, token.length);
            out.write(in, at, n - at);
        }
        default -> { // swap two halves
            out.write(in, at, n - at);
            out.write(in, 0, at);
        }
        }
        return out.toByteArray();
    }
}
