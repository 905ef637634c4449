package org.relaybench.batch.tests;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A CSV input of any number of generated accounts, made as it is read (nothing held): five providers,
 * settings and error texts that vary with the record number, so that results differ record by record.
 */
final class Generated extends InputStream {

    static final String HEADER = "id,email,client,network,error,smtp-host,smtp-port,smtp-security,smtp-auth\n";
    private static final String[][] PROVIDERS = { { "aol.com", "smtp.aol.com" }, { "yahoo.com", "smtp.mail.yahoo.com" },
            { "sbcglobal.net", "smtp.mail.att.net" }, { "gmail.com", "smtp.gmail.com" }, { "icloud.com", "smtp.mail.me.com" },
            { "example-dental.com", "mail.example-dental.com" } };
    private static final String[] ERRORS = {
            "\"A copy has been placed in your Outbox. The recipient \"\"sam@example.org\"\" was rejected by the server because it does not allow relaying.\"",
            "\"Server error: '550 5.7.1 Relaying denied' Error 0x800CCC79\"", "535 5.7.8 Username and Password not accepted.",
            "", "\"554 5.7.1 <orders@supplier.example>: Relay access denied\"" };
    private static final String[][] SETTINGS = { { "587", "starttls", "none" }, { "25", "none", "password" },
            { "465", "tls", "password" }, { "587", "starttls", "password" } };
    private static final String[] CLIENTS = { "ios-12", "ios-17", "outlook", "thunderbird", "macos" };

    private final long records;
    private long next;
    private byte[] current = HEADER.getBytes(StandardCharsets.UTF_8);
    private int position;

    Generated(long records) {
        this.records = records;
    }

    /** @return record number n (from 0) as its CSV line */
    static String line(long n) {
        String[] p = PROVIDERS[(int) (n % PROVIDERS.length)];
        String[] s = SETTINGS[(int) (n / 7 % SETTINGS.length)];
        return "R" + n + ",user" + n + "@" + p[0] + "," + CLIENTS[(int) (n / 3 % CLIENTS.length)] + ","
                + (n % 2 == 0 ? "wifi" : "cellular") + "," + ERRORS[(int) (n / 5 % ERRORS.length)] + "," + p[1] + "," + s[0]
                + "," + s[1] + "," + s[2] + "\n";
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position == current.length) {
            if (next == records) {
                return -1;
            }
            current = line(next++).getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }
}
