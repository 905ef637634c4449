package org.relaybench.probe.internal;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Properties;

import javax.net.ssl.SSLException;

import org.eclipse.angus.mail.imap.IMAPStore;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.probe.LoginProber;
import org.relaybench.probe.LoginReport;
import org.relaybench.probe.LoginReport.Outcome;
import org.relaybench.probe.LoginRequest;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * The login check service, on Jakarta Mail (Eclipse Angus) IMAP and POP3 stores. Each check runs on
 * the caller's thread with a fresh session. Deadlines: Jakarta Mail's connect and read timeouts bound
 * each wait, and the sockets come from a {@link GuardedSocketFactory} that the watchdog closes at the
 * check's deadline, which bounds the rest (handshakes, trickling servers).
 *
 * <p>Inside OSGi, Jakarta Mail finds its providers and its {@code StreamProvider} with
 * {@link java.util.ServiceLoader} through the thread context class loader, which knows neither: the
 * check sets it to Angus' bundle class loader around session and store creation and use (BUILD-NOTES,
 * pitfall 5), and restores it after.
 */
@Component(service = LoginProber.class)
public final class LoginProberImpl implements LoginProber, AutoCloseable {

    private final TlsSupport tls = new TlsSupport();
    private final Watchdog watchdog = new Watchdog("relaybench-login-watchdog");

    @Override
    public LoginReport check(LoginRequest request) {
        Objects.requireNonNull(request, "request");
        long start = System.nanoTime();
        Deadline deadline = Deadline.in(request.timeout());
        String protocol = (request.protocol() == MailProtocol.IMAP ? "imap" : "pop3")
                + (request.security() == Security.TLS ? "s" : "");
        GuardedSocketFactory sockets;
        try {
            sockets = new GuardedSocketFactory(tls.factory(request.trust()), watchdog, deadline);
        } catch (ProbeFailure f) {
            return report(request, Outcome.TLS_FAILED, f.getMessage(), start);
        }
        Properties p = properties(request, protocol, deadline, sockets);
        Redactor redactor = new Redactor(java.util.Optional.of(request.password()));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        char[] password = request.password().chars();
        thread.setContextClassLoader(IMAPStore.class.getClassLoader());
        try {
            Session session = Session.getInstance(p);
            Store store = session.getStore(protocol);
            store.connect(request.host(), request.port(), request.user(), new String(password));
            try {
                store.close();
            } catch (MessagingException e) { // the login worked; a failed LOGOUT does not change that
                return report(request, Outcome.ACCEPTED, "logged in; logout failed: " + redactor.scrub(describe(e)),
                        start);
            }
            return report(request, Outcome.ACCEPTED, "logged in and out", start);
        } catch (AuthenticationFailedException e) {
            return report(request, Outcome.REJECTED, redactor.scrub(String.valueOf(e.getMessage())), start);
        } catch (MessagingException e) {
            return report(request, outcome(e, deadline), redactor.scrub(describe(e)), start);
        } finally {
            thread.setContextClassLoader(previous);
            Arrays.fill(password, '\0');
            sockets.release();
        }
    }

    private static Properties properties(LoginRequest request, String protocol, Deadline deadline,
            GuardedSocketFactory sockets) {
        Properties p = new Properties();
        String k = "mail." + protocol + ".";
        String millis = Integer.toString(deadline.millisLeft());
        p.setProperty(k + "connectiontimeout", millis);
        p.setProperty(k + "timeout", millis);
        p.put(k + "socketFactory", protocol.endsWith("s") ? sockets.tls() : sockets);
        p.put(k + "ssl.socketFactory", sockets.tls());
        p.setProperty(k + "socketFactory.fallback", "false");
        // the trust manager checks the host name itself, also for IP literals
        p.setProperty(k + "ssl.checkserveridentity", "false");
        if (request.security() == Security.STARTTLS) {
            p.setProperty(k + "starttls.enable", "true");
            p.setProperty(k + "starttls.required", "true");
        }
        return p;
    }

    private static Outcome outcome(MessagingException e, Deadline deadline) {
        if (deadline.passed()) {
            return Outcome.TIMEOUT;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return Outcome.UNREACHABLE;
            }
            if (t instanceof SSLException || t instanceof CertificateException) {
                return Outcome.TLS_FAILED;
            }
            if (t instanceof SocketTimeoutException) {
                return Outcome.TIMEOUT;
            }
        }
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return m.contains("starttls") ? Outcome.TLS_FAILED : Outcome.FAILED;
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        for (int i = 0; cause != null && i < 3; i++, cause = cause.getCause()) {
            b.append(": ").append(cause.getClass().getSimpleName()).append(' ').append(cause.getMessage());
        }
        return Escapes.text(b.toString(), 400);
    }

    private static LoginReport report(LoginRequest r, Outcome outcome, String detail, long start) {
        return new LoginReport(r.protocol(), r.host(), r.port(), r.security(), outcome, detail,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Stops the watchdog's timer. */
    @Deactivate
    @Override
    public void close() {
        watchdog.close();
    }
}
