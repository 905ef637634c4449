package org.relaybench.probe.internal;

/** Shows raw bytes of a peer as text that is safe to print: printable ASCII as is, the rest as {@code \xNN}. */
public final class Escapes {

    private Escapes() {
    }

    /**
     * @param bytes raw bytes
     * @param from first index
     * @param to end index, exclusive
     * @return the escaped text
     */
    public static String bytes(byte[] bytes, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            int c = bytes[i] & 0xff;
            if (c == '\\') {
                b.append("\\\\");
            } else if (c >= 0x20 && c < 0x7f) {
                b.append((char) c);
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\n') {
                b.append("\\n");
            } else {
                b.append(String.format("\\x%02x", c));
            }
        }
        return b.toString();
    }

    /**
     * @param text any text
     * @return the text with control characters escaped, cut to {@code max} characters
     */
    public static String text(String text, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && b.length() < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (b.length() >= max && text.length() > max) {
            b.setLength(max);
            b.append('\u2026');
        }
        return b.toString();
    }
}
