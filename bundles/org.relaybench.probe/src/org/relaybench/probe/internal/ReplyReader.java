package org.relaybench.probe.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

import org.relaybench.core.CauseCode;

/**
 * Reads SMTP replies with a deadline and byte caps. Each read waits at most until the deadline (the
 * socket timeout is set to what is left before every read), and the deadline is checked again after
 * every chunk, so a server that trickles a byte a second still ends the stage on time. A line is at
 * most {@link #MAX_LINE} bytes and a reply at most {@link #MAX_LINES} lines, so an endless line or an
 * endless reply ends the probe instead of filling memory. Used by one probe thread only.
 */
public final class ReplyReader {

    /** RFC 5321 allows 512 bytes per reply line; real servers stay far below this cap. */
    public static final int MAX_LINE = 2048;
    /** Far more than any EHLO reply has. */
    public static final int MAX_LINES = 100;

    private final Socket socket;
    private final InputStream in;
    private final Transcript transcript;
    private final byte[] buffer = new byte[8192];
    private final byte[] line = new byte[MAX_LINE];
    private int pos;
    private int limit;

    /**
     * @param socket the connection, whose timeout the reader sets before each read
     * @param transcript where server lines go
     * @throws IOException when the stream cannot be had
     */
    public ReplyReader(Socket socket, Transcript transcript) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.transcript = transcript;
    }

    /** @return whether bytes arrived that no reply has consumed yet (never allowed before a TLS handshake) */
    public boolean hasBuffered() {
        return pos < limit;
    }

    /**
     * @param deadline the earlier of the stage's and the probe's deadline
     * @param greeting whether this is the first reply of the connection
     * @param stage the stage's name, for messages
     * @return the complete reply
     * @throws ProbeFailure on a deadline, a closed connection, an over-long or malformed reply
     */
    public Reply read(Deadline deadline, boolean greeting, String stage) throws ProbeFailure {
        List<String> lines = new ArrayList<>();
        int code = -1;
        int n = 0;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                fill(deadline, greeting && !any, stage);
            }
            byte c = buffer[pos++];
            any = true;
            if (c == '\n') {
                int end = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
                String shown = Escapes.bytes(line, 0, end);
                transcript.server(shown);
                int lineCode = code(end);
                if (lineCode < 0) {
                    throw malformed(greeting && lines.isEmpty(), stage, shown);
                }
                if (code >= 0 && lineCode != code) {
                    throw new ProbeFailure(CauseCode.PROTOCOL_VIOLATION,
                            "the " + stage + " reply mixes codes " + code + " and " + lineCode, false);
                }
                code = lineCode;
                lines.add(shown.length() > 4 ? shown.substring(4) : "");
                n = 0;
                if (end == 3 || line[3] == ' ') {
                    return new Reply(code, lines);
                }
                if (lines.size() >= MAX_LINES) {
                    throw new ProbeFailure(CauseCode.PROTOCOL_VIOLATION,
                            "the " + stage + " reply has more than " + MAX_LINES + " lines", false);
                }
                continue;
            }
            if (n == MAX_LINE) {
                String start = Escapes.bytes(line, 0, 40);
                transcript.server(start + "\u2026 (cut at " + MAX_LINE + " bytes)");
                if (greeting && lines.isEmpty() && code(4) < 0) {
                    throw malformed(true, stage, start);
                }
                throw new ProbeFailure(CauseCode.PROTOCOL_VIOLATION,
                        "the server sent a " + stage + " reply line longer than " + MAX_LINE + " bytes", false);
            }
            line[n++] = c;
        }
    }

    /** @return the line's reply code, or -1 when it does not start like a reply line */
    private int code(int length) {
        if (length < 3) {
            return -1;
        }
        for (int i = 0; i < 3; i++) {
            if (line[i] < '0' || line[i] > '9') {
                return -1;
            }
        }
        if (line[0] < '2' || line[0] > '5' || (length > 3 && line[3] != ' ' && line[3] != '-')) {
            return -1;
        }
        return (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
    }

    private static ProbeFailure malformed(boolean first, String stage, String shown) {
        String excerpt = Escapes.text(shown, 80);
        if (first) {
            return new ProbeFailure(CauseCode.NOT_SMTP,
                    "the server's first line is not an SMTP greeting: \u201c" + excerpt + "\u201d", false);
        }
        return new ProbeFailure(CauseCode.PROTOCOL_VIOLATION,
                "malformed " + stage + " reply line: \u201c" + excerpt + "\u201d", false);
    }

    private void fill(Deadline deadline, boolean beforeGreeting, String stage) throws ProbeFailure {
        if (deadline.passed()) {
            throw late(beforeGreeting, stage);
        }
        int r;
        try {
            socket.setSoTimeout(deadline.millisLeft());
            r = in.read(buffer);
        } catch (SocketTimeoutException e) {
            throw late(beforeGreeting, stage);
        } catch (IOException e) {
            if (deadline.passed()) { // the watchdog closed the socket at the probe's deadline
                throw late(beforeGreeting, stage);
            }
            throw new ProbeFailure(beforeGreeting ? CauseCode.NO_GREETING : CauseCode.SERVICE_UNAVAILABLE,
                    "the connection broke during " + stage + ": " + e.getClass().getSimpleName(), false);
        }
        if (r < 0) {
            throw new ProbeFailure(beforeGreeting ? CauseCode.NO_GREETING : CauseCode.SERVICE_UNAVAILABLE,
                    "the server closed the connection " + (beforeGreeting ? "without a greeting" : "during " + stage),
                    false);
        }
        pos = 0;
        limit = r;
    }

    private static ProbeFailure late(boolean beforeGreeting, String stage) {
        if (beforeGreeting) {
            return new ProbeFailure(CauseCode.NO_GREETING, "no SMTP greeting arrived before the deadline", false);
        }
        return new ProbeFailure(CauseCode.SERVER_TOO_SLOW,
                "the " + stage + " reply was not complete when the deadline passed", false);
    }
}
