package org.relaybench.probe.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.relaybench.core.CauseCode;
import org.relaybench.core.Security;
import org.relaybench.probe.ProbeReport;
import org.relaybench.probe.ProbeRequest;
import org.relaybench.probe.ProbeStage;
import org.relaybench.probe.RelayCheck;
import org.relaybench.probe.TlsInfo;

/**
 * One probe's SMTP dialogue on a plain socket: connect, (implicit TLS), greeting, EHLO, (STARTTLS,
 * EHLO), the relay test without authentication, AUTH, the relay test with it, RSET, QUIT. Never DATA.
 *
 * <p>Deadlines: every stage waits at most until the earlier of its own deadline and the probe's; the
 * reader enforces that on every read, and the watchdog closes the socket at the probe's deadline as a
 * backstop for connect, TLS handshakes and writes. One dialogue runs on the calling thread only.
 */
final class SmtpDialogue {

    private static final byte[] CRLF = { '\r', '\n' };

    private final ProbeRequest request;
    private final TlsSupport tls;
    private final Watchdog watchdog;
    private final Executor lookups;
    private final Deadline total;
    private final Transcript transcript = new Transcript();
    private final Redactor redactor;
    private final List<ProbeStage> stages = new ArrayList<>();
    private final List<RelayCheck> relays = new ArrayList<>();
    private Socket plain;
    private Socket socket;
    private ReplyReader reader;
    private OutputStream out;
    private TlsInfo tlsInfo;
    private List<String> extensions = List.of();
    private List<String> mechanisms = List.of();
    private String summary = "";

    SmtpDialogue(ProbeRequest request, TlsSupport tls, Watchdog watchdog, Executor lookups) {
        this.request = request;
        this.tls = tls;
        this.watchdog = watchdog;
        this.lookups = lookups;
        this.total = Deadline.in(request.timeout());
        this.redactor = new Redactor(request.password());
    }

    /** @return what scrubs secrets from the report */
    Redactor redactor() {
        return redactor;
    }

    ProbeReport run() {
        long start = System.nanoTime();
        Optional<String> code = Optional.empty();
        ScheduledFuture<?> guard = null;
        try {
            plain = new Socket();
            guard = watchdog.closeAt(plain, total);
            dialogue();
        } catch (ProbeFailure f) {
            code = Optional.of(f.code().code());
            summary = f.getMessage();
            transcript.event("probe ended: " + f.code().code());
            if (f.connectionUsable()) {
                quit();
            }
        } finally {
            if (guard != null) {
                guard.cancel(false);
            }
            close();
        }
        return new ProbeReport(request.host(), request.port(), request.security(),
                stages.stream().map(st -> new ProbeStage(st.name(), st.ok(), redactor.scrub(st.reply()), st.millis()))
                        .toList(),
                code, redactor.scrub(summary), transcript.entries().stream().map(redactor::scrub).toList(),
                Optional.ofNullable(tlsInfo), extensions, mechanisms,
                relays.stream().map(r -> new RelayCheck(r.authenticated(), r.accepted(), redactor.scrub(r.reply())))
                        .toList(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private void dialogue() throws ProbeFailure {
        connect();
        if (request.security() == Security.TLS) {
            secure(false);
        }
        reader = reader();
        timed("greeting", (byte[]) null, null, true, r -> r.code() == 220 ? null : Verdicts.greeting(r));
        ehlo("ehlo");
        if (request.security() == Security.STARTTLS) {
            if (!offers("STARTTLS")) {
                throw new ProbeFailure(CauseCode.WRONG_SECURITY,
                        "the server does not offer STARTTLS on this port: use SSL/TLS or another port", true);
            }
            timed("starttls", "STARTTLS", "STARTTLS", false, r -> r.code() == 220 ? null
                    : r.code() == 421 ? Verdicts.unavailable("STARTTLS", r)
                            : new ProbeFailure(CauseCode.TLS_HANDSHAKE_FAILED,
                                    "the server refused STARTTLS (" + r.shown() + ")", true));
            if (reader.hasBuffered()) {
                throw new ProbeFailure(CauseCode.PROTOCOL_VIOLATION,
                        "the server sent more after its STARTTLS reply, before the TLS handshake", false);
            }
            secure(true);
            reader = reader();
            ehlo("ehlo-tls");
        }
        if (request.authenticates()) {
            if (request.relayWithoutAuth()) {
                relay(false, "-noauth"); // only to learn whether the server needs AUTH: its refusal is no failure
            }
            new SmtpAuth(this, request).authenticate(mechanisms, tlsInfo != null);
        }
        Optional<ProbeFailure> refused = relay(request.authenticates(), "");
        if (refused.isPresent()) {
            throw refused.get();
        }
        RelayCheck last = relays.get(relays.size() - 1);
        summary = "the server accepts mail for an outside address " + (last.authenticated()
                ? "after AUTH" : "without AUTH") + relayNote();
        quit();
    }

    private String relayNote() {
        Optional<RelayCheck> without = request.authenticates() ? relays.stream().filter(r -> !r.authenticated())
                .findFirst() : Optional.empty();
        if (without.isEmpty()) {
            return "";
        }
        return without.get().accepted() ? "; it accepts it without AUTH too"
                : "; without AUTH it refuses (" + Escapes.text(without.get().reply(), 200) + ")";
    }

    private void connect() throws ProbeFailure {
        long t0 = System.nanoTime();
        Deadline d = stageDeadline();
        try {
            InetAddress address = lookup(d);
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(address, request.port()), d.millisLeft());
            socket = plain;
            record("connect", true, "connected to " + address.getHostAddress() + ":" + request.port(), t0);
        } catch (ProbeFailure f) {
            record("connect", false, f.getMessage(), t0);
            throw f;
        } catch (IOException e) {
            String why = e instanceof ConnectException ? "the connection was refused"
                    : e instanceof SocketTimeoutException || d.passed() ? "no answer before the deadline"
                            : e.getClass().getSimpleName() + ": " + e.getMessage();
            record("connect", false, why, t0);
            throw new ProbeFailure(CauseCode.SERVER_UNREACHABLE,
                    "cannot connect to " + request.host() + ":" + request.port() + ": " + why, false);
        }
    }

    /** Name lookups cannot be given a timeout, so they run on the lookup pool and are waited for with one. */
    private InetAddress lookup(Deadline d) throws ProbeFailure {
        CompletableFuture<InetAddress> f = CompletableFuture.supplyAsync(() -> {
            try {
                return InetAddress.getByName(request.host());
            } catch (UnknownHostException e) {
                return null;
            }
        }, lookups);
        try {
            InetAddress a = f.get(Math.max(1, d.nanosLeft()), TimeUnit.NANOSECONDS);
            if (a == null) {
                throw new ProbeFailure(CauseCode.SERVER_UNREACHABLE, "the host name " + request.host()
                        + " does not resolve", false);
            }
            return a;
        } catch (TimeoutException e) {
            throw new ProbeFailure(CauseCode.SERVER_UNREACHABLE, "the name lookup of " + request.host()
                    + " did not finish before the deadline", false);
        } catch (ExecutionException e) {
            throw new ProbeFailure(CauseCode.SERVER_UNREACHABLE, "the name lookup failed: " + e.getCause(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeFailure(CauseCode.SERVER_UNREACHABLE, "interrupted during the name lookup", false);
        }
    }

    private void secure(boolean afterStarttls) throws ProbeFailure {
        long t0 = System.nanoTime();
        try {
            TlsSupport.Secured s = tls.secure(socket, request.host(), request.port(), request.trust(),
                    stageDeadline(), afterStarttls);
            socket = s.socket();
            tlsInfo = s.info();
            transcript.event("TLS " + tlsInfo.protocol() + " " + tlsInfo.cipher() + ", certificate "
                    + tlsInfo.subject() + (tlsInfo.problem().map(p -> " (" + p + ", accepted: --insecure)").orElse("")));
            record("tls", true, tlsInfo.protocol() + " " + tlsInfo.cipher(), t0);
        } catch (ProbeFailure f) {
            record("tls", false, f.getMessage(), t0);
            transcript.event("TLS failed: " + f.getMessage());
            throw f;
        }
    }

    private ReplyReader reader() throws ProbeFailure {
        try {
            out = socket.getOutputStream();
            return new ReplyReader(socket, transcript);
        } catch (IOException e) {
            throw new ProbeFailure(CauseCode.SERVICE_UNAVAILABLE, "the connection broke: " + e.getMessage(), false);
        }
    }

    private void ehlo(String stage) throws ProbeFailure {
        InetAddress local = socket.getLocalAddress();
        String name = local instanceof Inet6Address ? "[IPv6:" + local.getHostAddress() + "]"
                : "[" + local.getHostAddress() + "]";
        Reply r = timed(stage, "EHLO " + name, "EHLO " + name, false,
                x -> x.code() == 421 ? Verdicts.unavailable("EHLO", x) : null);
        if (r.code() == 250) {
            extensions = r.lines().stream().skip(1).map(l -> l.trim().toUpperCase(Locale.ROOT)).toList();
            mechanisms = extensions.stream().filter(e -> e.startsWith("AUTH ") || e.startsWith("AUTH="))
                    .flatMap(e -> List.of(e.substring(5).trim().split("\\s+")).stream()).filter(m -> !m.isEmpty())
                    .distinct().toList();
            return;
        }
        timed(stage.replace("ehlo", "helo"), "HELO " + name, "HELO " + name, false, x -> x.code() == 250 ? null
                : x.code() == 421 ? Verdicts.unavailable("HELO", x)
                        : new ProbeFailure(CauseCode.PROTOCOL_VIOLATION, "the server refused EHLO and HELO ("
                                + x.shown() + ")", true));
        extensions = List.of();
        mechanisms = List.of();
    }

    boolean offers(String keyword) {
        return extensions.stream().anyMatch(e -> e.equals(keyword) || e.startsWith(keyword + " "));
    }

    /** MAIL FROM, RCPT TO the outside address, RSET; returns the refusal, when there was one. */
    private Optional<ProbeFailure> relay(boolean authenticated, String suffix) throws ProbeFailure {
        boolean authOffered = !mechanisms.isEmpty();
        Reply mail = timed("mail" + suffix, "MAIL FROM:<" + request.sender() + ">",
                "MAIL FROM:<" + request.sender() + ">", false, x -> x.code() == 421 ? Verdicts.unavailable("MAIL", x) : null);
        ProbeFailure refusal = null;
        if (!mail.positive()) {
            relays.add(new RelayCheck(authenticated, false, mail.shown()));
            refusal = Verdicts.mail(mail, authenticated, authOffered);
        } else {
            Reply rcpt = timed("rcpt" + suffix, "RCPT TO:<" + request.to() + ">", "RCPT TO:<" + request.to() + ">",
                    false, x -> x.code() == 421 ? Verdicts.unavailable("RCPT", x) : null);
            relays.add(new RelayCheck(authenticated, rcpt.positive(), rcpt.shown()));
            if (!rcpt.positive()) {
                refusal = Verdicts.rcpt(rcpt, authenticated, authOffered);
            }
        }
        timed("rset" + suffix, "RSET", "RSET", false, x -> x.code() == 421 ? Verdicts.unavailable("RSET", x) : null);
        return Optional.ofNullable(refusal);
    }

    private void quit() {
        try {
            timed("quit", "QUIT", "QUIT", false, x -> null);
        } catch (ProbeFailure e) {
            // the server may close without 221; the verdict is already made
        }
    }

    /** Decides whether a reply ends the probe; null to go on. */
    @FunctionalInterface
    interface Judge {
        ProbeFailure judge(Reply reply);
    }

    /**
     * Runs one stage: sends a line (unless null), reads the reply within the stage's deadline, records
     * the stage and throws the judge's verdict.
     *
     * @param shown the line as the transcript may show it (AUTH payloads replaced)
     */
    Reply timed(String stage, String line, String shown, boolean greeting, Judge judge) throws ProbeFailure {
        return timed(stage, line == null ? null : line.getBytes(StandardCharsets.UTF_8), shown, greeting, judge);
    }

    /**
     * As {@link #timed(String, String, String, boolean, Judge)} with the line as bytes, so that AUTH
     * payloads can be wiped by the caller afterwards.
     */
    Reply timed(String stage, byte[] line, String shown, boolean greeting, Judge judge) throws ProbeFailure {
        long t0 = System.nanoTime();
        Deadline d = stageDeadline();
        Reply reply;
        try {
            if (line != null) {
                send(line, shown, d, stage);
            }
            reply = reader.read(d, greeting, stage);
        } catch (ProbeFailure f) {
            record(stage, false, f.getMessage(), t0);
            throw f;
        }
        ProbeFailure verdict = judge.judge(reply);
        record(stage, verdict == null && reply.code() / 100 <= 3, Escapes.text(reply.shown(), 300), t0);
        if (verdict != null) {
            throw verdict;
        }
        return reply;
    }

    private void send(byte[] line, String shown, Deadline d, String stage) throws ProbeFailure {
        transcript.client(shown);
        try {
            out.write(line);
            out.write(CRLF);
            out.flush();
        } catch (IOException e) {
            throw new ProbeFailure(d.passed() ? CauseCode.SERVER_TOO_SLOW : CauseCode.SERVICE_UNAVAILABLE,
                    "the connection broke while sending " + stage, false);
        }
    }

    private Deadline stageDeadline() {
        return Deadline.in(request.stageTimeout()).earlier(total);
    }

    private void record(String stage, boolean ok, String reply, long t0) {
        stages.add(new ProbeStage(stage, ok, reply, (System.nanoTime() - t0) / 1_000_000));
    }

    private void close() {
        for (Socket s : new Socket[] { socket, plain }) {
            if (s != null) {
                try {
                    s.close();
                } catch (IOException e) {
                    // nothing more to do with it
                }
            }
        }
    }
}
