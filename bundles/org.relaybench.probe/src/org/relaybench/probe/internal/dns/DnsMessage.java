package org.relaybench.probe.internal.dns;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DNS messages (RFC 1035 4.1): builds a one-question query and parses the answer section of a
 * response. Parsing checks every length against the message's bounds and follows at most
 * {@link #MAX_POINTERS} compression pointers per name, so a hostile or broken response fails with a
 * {@link DnsException} instead of reading out of bounds or looping.
 */
public final class DnsMessage {

    public static final int A = 1;
    public static final int CNAME = 5;
    public static final int MX = 15;
    public static final int AAAA = 28;
    public static final int SRV = 33;
    static final int NXDOMAIN = 3;
    private static final int MAX_POINTERS = 32;
    private static final int HEADER = 12;

    /** One resource record of the answer section; {@code data} is decoded per type. */
    public record Record(String owner, int type, long ttl, Object data) {
    }

    /** A parsed response. */
    public record Response(int id, boolean truncated, int rcode, List<Record> answers) {
    }

    private DnsMessage() {
    }

    /**
     * @param id the query id
     * @param name the name to look up
     * @param type the record type
     * @return the query, with recursion desired
     * @throws DnsException when the name is not a valid domain name
     */
    public static byte[] query(int id, String name, int type) throws DnsException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        b.write(id >> 8);
        b.write(id);
        b.write(0x01); // RD
        b.write(0);
        b.write(0);
        b.write(1); // one question
        b.write(new byte[6], 0, 6);
        String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (n.isEmpty() || n.length() > 253) {
            throw new DnsException("not a domain name: " + name);
        }
        for (String label : n.split("\\.", -1)) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            if (bytes.length == 0 || bytes.length > 63) {
                throw new DnsException("not a domain name: " + name);
            }
            b.write(bytes.length);
            b.write(bytes, 0, bytes.length);
        }
        b.write(0);
        b.write(type >> 8);
        b.write(type);
        b.write(0);
        b.write(1); // class IN
        return b.toByteArray();
    }

    /**
     * @param m a response
     * @param length its length
     * @return the header and the answer section
     * @throws DnsException when the response is malformed
     */
    public static Response parse(byte[] message, int length) throws DnsException {
        if (length < HEADER || length > message.length) {
            throw new DnsException("DNS response too short");
        }
        byte[] m = java.util.Arrays.copyOf(message, length); // pointers can then never reach stale bytes
        int id = u16(m, 0, length);
        int flags = u16(m, 2, length);
        if ((flags & 0x8000) == 0) {
            throw new DnsException("DNS message is not a response");
        }
        int qd = u16(m, 4, length);
        int an = u16(m, 6, length);
        int[] pos = { HEADER };
        for (int i = 0; i < qd; i++) {
            name(m, pos, length);
            pos[0] += 4;
        }
        List<Record> answers = new ArrayList<>(Math.min(an, 64));
        for (int i = 0; i < an; i++) {
            String owner = name(m, pos, length);
            int type = u16(m, pos[0], length);
            long ttl = ((long) u16(m, pos[0] + 4, length) << 16) | u16(m, pos[0] + 6, length);
            int rdlength = u16(m, pos[0] + 8, length);
            int rdata = pos[0] + 10;
            int end = rdata + rdlength;
            if (end > length) {
                throw new DnsException("DNS record runs past the end of the response");
            }
            answers.add(new Record(owner, type, ttl, data(m, type, rdata, rdlength, end)));
            pos[0] = end;
        }
        return new Response(id, (flags & 0x0200) != 0, flags & 0xf, answers);
    }

    private static Object data(byte[] m, int type, int at, int rdlength, int end) throws DnsException {
        int[] p = { at };
        switch (type) {
        case A, AAAA:
            if (rdlength != (type == A ? 4 : 16)) {
                throw new DnsException("DNS address record of length " + rdlength);
            }
            try {
                byte[] addr = new byte[rdlength];
                System.arraycopy(m, at, addr, 0, rdlength);
                return InetAddress.getByAddress(addr).getHostAddress();
            } catch (UnknownHostException e) {
                throw new DnsException("bad address record");
            }
        case MX:
            int preference = u16(m, at, end);
            p[0] += 2;
            return new org.relaybench.probe.MxRecord(preference, name(m, p, end));
        case SRV:
            int priority = u16(m, at, end);
            int weight = u16(m, at + 2, end);
            int port = u16(m, at + 4, end);
            p[0] += 6;
            return new org.relaybench.probe.SrvRecord(priority, weight, port, name(m, p, end));
        case CNAME:
            return name(m, p, end);
        default:
            return null;
        }
    }

    /**
     * Reads a possibly compressed name at {@code pos[0]} and moves {@code pos[0]} past it. Pointers may
     * point anywhere in the message, but never past {@code limit} of the first label sequence.
     */
    private static String name(byte[] m, int[] pos, int limit) throws DnsException {
        StringBuilder b = new StringBuilder();
        int p = pos[0];
        int after = -1;
        int jumps = 0;
        while (true) {
            if (p >= m.length || (after < 0 && p >= limit)) {
                throw new DnsException("DNS name runs past the end of the response");
            }
            int len = m[p] & 0xff;
            if (len == 0) {
                p++;
                break;
            }
            if ((len & 0xc0) == 0xc0) {
                if (p + 1 >= m.length || ++jumps > MAX_POINTERS) {
                    throw new DnsException("DNS name with bad compression");
                }
                if (after < 0) {
                    after = p + 2;
                }
                p = ((len & 0x3f) << 8) | (m[p + 1] & 0xff);
                continue;
            }
            if ((len & 0xc0) != 0 || p + 1 + len > m.length) {
                throw new DnsException("DNS label out of bounds");
            }
            if (b.length() > 0) {
                b.append('.');
            }
            for (int i = p + 1; i <= p + len; i++) {
                int c = m[i] & 0xff;
                b.append(c > 0x20 && c < 0x7f ? (char) c : '?');
            }
            if (b.length() > 255) {
                throw new DnsException("DNS name longer than 255 characters");
            }
            p += 1 + len;
        }
        pos[0] = after >= 0 ? after : p;
        if (pos[0] > limit) {
            throw new DnsException("DNS name runs past its record");
        }
        return b.length() == 0 ? "." : b.toString().toLowerCase(Locale.ROOT);
    }

    private static int u16(byte[] m, int at, int limit) throws DnsException {
        if (at < 0 || at + 2 > limit) {
            throw new DnsException("DNS response truncated");
        }
        return ((m[at] & 0xff) << 8) | (m[at + 1] & 0xff);
    }
}
