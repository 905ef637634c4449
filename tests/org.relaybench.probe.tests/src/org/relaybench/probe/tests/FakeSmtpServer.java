package org.relaybench.probe.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fault-injecting SMTP server on a loopback port in 20700-20799: each {@link Fault} misbehaves in
 * one way a real server can. One thread accepts, one thread serves each connection; {@link #close()}
 * closes every socket, which ends those threads, and waits for them.
 */
final class FakeSmtpServer implements AutoCloseable {

    /** The misbehaviours. */
    enum Fault {
        /** Accepts and never says anything. */
        SILENT,
        /** Sends the greeting one byte every 100 ms. */
        TRICKLE_GREETING,
        /** Greets with bytes that are not SMTP. */
        GARBAGE,
        /** Sends one line that never ends. */
        ENDLESS_LINE,
        /** Greets with 421 and closes. */
        GREETING_421,
        /** Offers STARTTLS, agrees, then drops the connection mid-handshake. */
        STARTTLS_DROP,
        /** Drops an implicit-TLS connection mid-handshake. */
        TLS_DROP,
        /** Answers EHLO one byte every 100 ms. */
        TRICKLE_EHLO,
        /** Answers EHLO with continuation lines for ever. */
        ENDLESS_REPLY,
        /** Answers EHLO with a line that is not a reply. */
        MALFORMED_REPLY,
        /** Greets, then never answers EHLO. */
        MUTE_AFTER_GREETING,
        /** Answers STARTTLS and then, before any handshake, more (a command injection). */
        STARTTLS_INJECTION,
        /** Offers AUTH PLAIN and rejects it, echoing the client's payload in its reply. */
        ECHO_AUTH,
        /**
         * Agrees to STARTTLS, reads the start of the ClientHello and answers it with bytes that are not TLS,
         * as a broken server or an intercepting middlebox does.
         */
        STARTTLS_JUNK,
        /** Sends the bytes it was given: the first as its greeting, the next after each line it reads; then closes. */
        SCRIPTED
    }

    /** What {@link Fault#STARTTLS_JUNK} sends where a ServerHello belongs. */
    static final String JUNK = "\u0000\u00ffnot a ServerHello: junk from a middlebox\r\n";

    private final Fault fault;
    private final ServerSocket server;
    private final Thread acceptor;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final List<Thread> handlers = new CopyOnWriteArrayList<>();
    private final List<byte[]> script;

    FakeSmtpServer(Fault fault) throws IOException {
        this(fault, List.of());
    }

    /**
     * A {@link Fault#SCRIPTED} server.
     *
     * @param script what to send: the greeting, then one element after each line the client sends
     */
    FakeSmtpServer(List<byte[]> script) throws IOException {
        this(Fault.SCRIPTED, script);
    }

    private FakeSmtpServer(Fault fault, List<byte[]> script) throws IOException {
        this.fault = fault;
        this.script = List.copyOf(script);
        this.server = bind();
        this.acceptor = new Thread(this::accept, "fake-smtp-" + fault);
        acceptor.start();
    }

    private static ServerSocket bind() throws IOException {
        for (int port = 20700; port < 20800; port++) {
            try {
                return new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                // taken: try the next
            }
        }
        throw new IOException("no free port in 20700-20799");
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                clients.add(s);
                Thread t = new Thread(() -> serve(s), "fake-smtp-client-" + fault);
                handlers.add(t);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            switch (fault) {
            case SILENT -> in.read(); // blocks until the client gives up
            case TRICKLE_GREETING -> trickle(out, "220 fake.relaybench.test ESMTP greeting that takes a long time\r\n");
            case GARBAGE -> write(out, "\u0000\u00ff\u0016\u0003garbage from no SMTP server\r\n");
            case ENDLESS_LINE -> {
                write(out, "220 ");
                byte[] chunk = "x".repeat(4096).getBytes(StandardCharsets.US_ASCII);
                while (true) {
                    out.write(chunk); // until the client closes
                }
            }
            case GREETING_421 -> write(out, "421 4.3.2 Service not available, closing transmission channel\r\n");
            case TLS_DROP -> {
                in.read(new byte[64]);
            }
            case STARTTLS_DROP, TRICKLE_EHLO, ENDLESS_REPLY, MALFORMED_REPLY, MUTE_AFTER_GREETING, STARTTLS_INJECTION,
                    ECHO_AUTH, STARTTLS_JUNK -> dialogue(in, out);
            case SCRIPTED -> {
                for (int i = 0; i < script.size() && (i == 0 || readLine(in) != null); i++) {
                    out.write(script.get(i));
                    out.flush();
                }
            }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away or the server closed: this connection is done
        }
    }

    private void dialogue(InputStream in, OutputStream out) throws IOException, InterruptedException {
        write(out, "220 fake.relaybench.test ESMTP\r\n");
        while (true) {
            String line = readLine(in);
            if (line == null) {
                return;
            }
            String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
            switch (fault) {
            case MUTE_AFTER_GREETING -> {
                in.read();
                return;
            }
            case TRICKLE_EHLO -> trickle(out, "250-fake.relaybench.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n");
            case ENDLESS_REPLY -> {
                while (true) {
                    write(out, "250-ANOTHER-EXTENSION\r\n");
                }
            }
            case MALFORMED_REPLY -> write(out, "25O-fake.relaybench.test\r\n");
            case STARTTLS_DROP, STARTTLS_INJECTION, STARTTLS_JUNK -> {
                if (verb.equals("EHLO")) {
                    write(out, "250-fake.relaybench.test\r\n250 STARTTLS\r\n");
                } else if (verb.equals("STAR")) {
                    if (fault == Fault.STARTTLS_INJECTION) {
                        write(out, "220 2.0.0 Ready to start TLS\r\n250 injected\r\n");
                    } else if (fault == Fault.STARTTLS_JUNK) {
                        write(out, "220 2.0.0 Ready to start TLS\r\n");
                        in.read(new byte[16]); // the start of the ClientHello: only then the junk, so it is no injection
                        write(out, JUNK);
                        in.read(); // until the client gives up
                    } else {
                        write(out, "220 2.0.0 Ready to start TLS\r\n");
                        in.read(new byte[16]); // the start of the ClientHello, then drop
                    }
                    return;
                }
            }
            case ECHO_AUTH -> {
                if (verb.equals("EHLO")) {
                    write(out, "250-fake.relaybench.test\r\n250 AUTH PLAIN LOGIN\r\n");
                } else if (verb.equals("AUTH")) {
                    write(out, "535 5.7.8 Authentication failed for " + line + "\r\n");
                } else if (verb.equals("QUIT")) {
                    write(out, "221 bye\r\n");
                    return;
                } else {
                    write(out, "250 ok\r\n");
                }
            }
            default -> throw new IllegalStateException(fault.name());
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                return b.toString(StandardCharsets.UTF_8).trim();
            }
            if (b.size() < 4096) {
                b.write(c);
            }
        }
        return null;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The misbehaviour itself: one byte every 100 ms (a pause in the server, not a test's wait). */
    private static void trickle(OutputStream out, String text) throws IOException, InterruptedException {
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            out.write(b);
            out.flush();
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        for (Socket s : clients) {
            s.close();
        }
        acceptor.join(5000);
        for (Thread t : handlers) {
            t.join(5000);
        }
    }
}
