package org.relaybench.probe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.probe.LoginProber;
import org.relaybench.probe.LoginReport;
import org.relaybench.probe.LoginReport.Outcome;
import org.relaybench.probe.LoginRequest;
import org.relaybench.probe.Secret;
import org.relaybench.probe.TrustPolicy;
import org.relaybench.probe.tests.FakeSmtpServer.Fault;
import org.relaybench.tests.common.OsgiServices;
import org.relaybench.tests.common.servers.MailServers;
import org.relaybench.tests.common.servers.RealServers;

/** The IMAP and POP3 login check on Jakarta Mail (Angus) inside OSGi, against the real Dovecot. */
@ExtendWith(RealServers.class)
class LoginCheckTest {

    private static LoginReport check(MailProtocol protocol, int port, Security security, String password,
            TrustPolicy trust, Duration timeout) throws InterruptedException {
        return OsgiServices.service(LoginProber.class).check(new LoginRequest(protocol, MailServers.HOST, port, security,
                MailServers.USER, Secret.of(password.toCharArray()), timeout, trust));
    }

    private static LoginReport check(MailProtocol protocol, int port, Security security, String password)
            throws InterruptedException {
        return check(protocol, port, security, password, TrustPolicy.pem(RealServers.mail().certificate()),
                Duration.ofSeconds(20));
    }

    @Test
    void imapAcceptsTheRightPassword() throws Exception {
        LoginReport r = check(MailProtocol.IMAP, MailServers.IMAP, Security.NONE, MailServers.PASSWORD);
        assertEquals(Outcome.ACCEPTED, r.outcome(), r::toString);
    }

    @Test
    void imapRejectsAWrongPassword() throws Exception {
        LoginReport r = check(MailProtocol.IMAP, MailServers.IMAP, Security.NONE, "not-the-password");
        assertEquals(Outcome.REJECTED, r.outcome(), r::toString);
        assertTrue(r.detail().toLowerCase(java.util.Locale.ROOT).contains("authentication failed"), r::toString);
    }

    @Test
    void imapWithStartTlsAndImapsAccept() throws Exception {
        LoginReport starttls = check(MailProtocol.IMAP, MailServers.IMAP, Security.STARTTLS, MailServers.PASSWORD);
        assertEquals(Outcome.ACCEPTED, starttls.outcome(), starttls::toString);
        LoginReport imaps = check(MailProtocol.IMAP, MailServers.IMAPS, Security.TLS, MailServers.PASSWORD);
        assertEquals(Outcome.ACCEPTED, imaps.outcome(), imaps::toString);
    }

    @Test
    void imapsWithAnUntrustedCertificateFails() throws Exception {
        LoginReport r = check(MailProtocol.IMAP, MailServers.IMAPS, Security.TLS, MailServers.PASSWORD, TrustPolicy.jdk(),
                Duration.ofSeconds(20));
        assertEquals(Outcome.TLS_FAILED, r.outcome(), r::toString);
    }

    @Test
    void pop3AcceptsTheRightPasswordAndRejectsAWrongOne() throws Exception {
        assertEquals(Outcome.ACCEPTED, check(MailProtocol.POP3, MailServers.POP3, Security.NONE, MailServers.PASSWORD)
                .outcome());
        assertEquals(Outcome.REJECTED, check(MailProtocol.POP3, MailServers.POP3, Security.NONE, "not-the-password")
                .outcome());
    }

    @Test
    void aSilentServerEndsAtTheDeadline() throws Exception {
        try (FakeSmtpServer silent = new FakeSmtpServer(Fault.SILENT)) {
            LoginReport r = check(MailProtocol.IMAP, silent.port(), Security.NONE, MailServers.PASSWORD,
                    TrustPolicy.jdk(), Duration.ofSeconds(2));
            assertEquals(Outcome.TIMEOUT, r.outcome(), r::toString);
            assertTrue(r.millis() < 3500, () -> r.millis() + " ms");
        }
    }

    @Test
    void aTlsServerThatDropsTheHandshakeFails() throws Exception {
        try (FakeSmtpServer dropper = new FakeSmtpServer(Fault.TLS_DROP)) {
            LoginReport r = check(MailProtocol.IMAP, dropper.port(), Security.TLS, MailServers.PASSWORD,
                    TrustPolicy.jdk(), Duration.ofSeconds(5));
            assertEquals(Outcome.TLS_FAILED, r.outcome(), r::toString);
            assertTrue(r.millis() < 5000, () -> r.millis() + " ms");
        }
    }
}
