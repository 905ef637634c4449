package org.relaybench.probe;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A password held for one live probe. It is never printed: {@link #toString()} says {@code (secret)},
 * and the probe's transcript, report and exceptions never contain it. {@link #clear()} overwrites it
 * when the probe is done.
 *
 * @since 0.1
 */
public final class Secret {

    private final char[] chars;

    private Secret(char[] chars) {
        this.chars = chars;
    }

    /**
     * @param chars the password; copied, so the caller may clear its own array
     * @return the secret
     */
    public static Secret of(char[] chars) {
        return new Secret(chars.clone());
    }

    /** @return the password as UTF-8 bytes, a fresh array the caller must clear after use */
    public byte[] utf8() {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        Arrays.fill(b.array(), (byte) 0);
        return out;
    }

    /** @return the password, a fresh array the caller must clear after use */
    public char[] chars() {
        return chars.clone();
    }

    /**
     * @param text some output
     * @return whether the text contains the password (for self-checks and tests)
     */
    public boolean occursIn(String text) {
        return chars.length > 0 && text != null && text.contains(new String(chars));
    }

    /** Overwrites the password. */
    public void clear() {
        Arrays.fill(chars, '\0');
    }

    @Override
    public String toString() {
        return "(secret)";
    }
}
