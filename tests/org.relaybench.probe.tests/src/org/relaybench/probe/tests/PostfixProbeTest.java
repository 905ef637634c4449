package org.relaybench.probe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relaybench.tests.common.servers.MailServers.HOST;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaybench.core.Security;
import org.relaybench.core.session.ProbeRecord;
import org.relaybench.probe.ProbeReport;
import org.relaybench.probe.ProbeRequest;
import org.relaybench.probe.RelayCheck;
import org.relaybench.probe.Secret;
import org.relaybench.probe.SmtpProber;
import org.relaybench.probe.TrustPolicy;
import org.relaybench.tests.common.OsgiServices;
import org.relaybench.tests.common.servers.MailServers;
import org.relaybench.tests.common.servers.RealServers;

/** The SMTP probe's verdicts against a real Postfix with Dovecot SASL. */
@ExtendWith(RealServers.class)
class PostfixProbeTest {

    static ProbeRequest.Builder request(int port, Security security) {
        return ProbeRequest.builder(HOST, port, security).timeout(Duration.ofSeconds(20))
                .stageTimeout(Duration.ofSeconds(10)).trust(TrustPolicy.pem(RealServers.mail().certificate()));
    }

    static ProbeReport probe(ProbeRequest request) throws InterruptedException {
        return OsgiServices.service(SmtpProber.class).probe(request);
    }

    static Secret password(String text) {
        return Secret.of(text.toCharArray());
    }

    @Test
    void unauthenticatedRelayIsDeniedAsAuthMissing() throws Exception {
        ProbeReport r = probe(request(MailServers.SUBMISSION, Security.STARTTLS).from(MailServers.USER).build());
        assertEquals("smtp-auth-missing", r.code().orElseThrow(), r::toString);
        assertTrue(r.stage("rcpt").orElseThrow().reply().startsWith("554 5.7.1"), r.stages()::toString);
        assertTrue(r.stage("rcpt").get().reply().contains("Relay access denied"));
        assertEquals(List.of("PLAIN", "LOGIN"), r.authMechanisms());
        assertTrue(r.tls().orElseThrow().trusted());
        assertTrue(r.tls().get().hostnameMatches());
        assertTrue(r.transcript().contains("C: STARTTLS"), r.transcript()::toString);
        assertTrue(r.transcript().contains("C: RSET"));
        assertTrue(r.transcript().contains("C: QUIT"));
        assertFalse(r.transcript().stream().anyMatch(l -> l.startsWith("C: DATA")), "a probe never sends DATA");
        ProbeRecord record = r.record(Instant.EPOCH);
        assertEquals(Optional.of("smtp-auth-missing"), record.code());
        assertEquals(r.transcript(), record.transcript());
        assertEquals("starttls", record.security());
    }

    @Test
    void theMxPortWithoutAuthRefusesRelayAndOffersNoAuth() throws Exception {
        ProbeReport r = probe(request(MailServers.MX, Security.NONE).from(MailServers.USER).build());
        assertEquals("relay-denied", r.code().orElseThrow(), r::toString);
        assertTrue(r.authMechanisms().isEmpty());
        ProbeReport withAuth = probe(request(MailServers.MX, Security.NONE)
                .credentials(MailServers.USER, password(MailServers.PASSWORD)).build());
        assertEquals("wrong-smtp-host", withAuth.code().orElseThrow(), withAuth::toString);
    }

    @Test
    void correctSettingsAreAcceptedAndTheRelayNeedsAuth() throws Exception {
        ProbeReport r = probe(request(MailServers.SUBMISSION, Security.STARTTLS)
                .credentials(MailServers.USER, password(MailServers.PASSWORD)).build());
        assertTrue(r.ok(), r::toString);
        RelayCheck without = r.relay(false).orElseThrow();
        RelayCheck with = r.relay(true).orElseThrow();
        assertFalse(without.accepted());
        assertTrue(without.reply().contains("Relay access denied"), without::toString);
        assertTrue(with.accepted(), with::toString);
        assertTrue(r.stage("auth").orElseThrow().reply().startsWith("235"), r.stages()::toString);
        assertTrue(r.summary().contains("without AUTH it refuses"), r.summary());
        assertTrue(r.transcript().contains("C: AUTH PLAIN ****"), r.transcript()::toString);
        assertEquals(List.of("connect", "greeting", "ehlo", "starttls", "tls", "ehlo-tls", "mail-noauth",
                "rcpt-noauth", "rset-noauth", "auth", "mail", "rcpt", "rset", "quit"),
                r.stages().stream().map(s -> s.name()).toList());
    }

    @Test
    void implicitTlsPortAcceptsCorrectSettings() throws Exception {
        ProbeReport r = probe(request(MailServers.SUBMISSIONS, Security.TLS)
                .credentials(MailServers.USER, password(MailServers.PASSWORD)).build());
        assertTrue(r.ok(), r::toString);
        assertEquals("tls", r.stages().get(1).name());
        assertTrue(r.tls().orElseThrow().protocol().startsWith("TLSv1."));
    }

    @Test
    void wrongPasswordIsRejected() throws Exception {
        ProbeReport r = probe(request(MailServers.SUBMISSION, Security.STARTTLS)
                .credentials(MailServers.USER, password("not-the-password")).build());
        assertEquals("smtp-credentials-rejected", r.code().orElseThrow(), r::toString);
        assertTrue(r.stage("auth").orElseThrow().reply().startsWith("535"), r.stages()::toString);
    }

    @Test
    void strictPortWithoutTlsSaysTlsRequired() throws Exception {
        ProbeReport plain = probe(request(MailServers.STRICT, Security.NONE).from(MailServers.USER).build());
        assertEquals("tls-required", plain.code().orElseThrow(), plain::toString);
        assertTrue(plain.stage("mail").orElseThrow().reply().contains("STARTTLS"), plain.stages()::toString);
        ProbeReport withAuth = probe(request(MailServers.STRICT, Security.NONE)
                .credentials(MailServers.USER, password(MailServers.PASSWORD)).build());
        assertEquals("tls-required", withAuth.code().orElseThrow(), withAuth::toString);
    }

    @Test
    void foreignSenderAfterLoginIsNotOwned() throws Exception {
        ProbeReport r = probe(request(MailServers.SENDER_LOGIN, Security.STARTTLS)
                .credentials(MailServers.USER, password(MailServers.PASSWORD)).from("bob@elsewhere.example").build());
        assertEquals("sender-not-owned", r.code().orElseThrow(), r::toString);
        assertTrue(r.summary().contains("not owned by user"), r.summary());
        ProbeReport own = probe(request(MailServers.SENDER_LOGIN, Security.STARTTLS)
                .credentials(MailServers.USER, password(MailServers.PASSWORD)).build());
        assertTrue(own.ok(), own::toString);
    }

    @Test
    void implicitTlsOnThePlainSubmissionPortIsTheWrongSecurity() throws Exception {
        ProbeReport r = probe(request(MailServers.SUBMISSION, Security.TLS).build());
        assertEquals("wrong-security", r.code().orElseThrow(), r::toString);
    }

    @Test
    void aSelfSignedCertificateIsRefusedUnlessTrustedOrInsecure() throws Exception {
        ProbeReport jdk = probe(request(MailServers.SUBMISSIONS, Security.TLS).trust(TrustPolicy.jdk())
                .credentials(MailServers.USER, password(MailServers.PASSWORD)).build());
        assertEquals("tls-certificate-invalid", jdk.code().orElseThrow(), jdk::toString);
        assertTrue(jdk.stages().stream().noneMatch(s -> s.name().startsWith("auth")), "no credentials went out");
        ProbeReport insecure = probe(request(MailServers.SUBMISSIONS, Security.TLS).trust(TrustPolicy.insecure())
                .credentials(MailServers.USER, password(MailServers.PASSWORD)).build());
        assertTrue(insecure.ok(), insecure::toString);
        assertFalse(insecure.tls().orElseThrow().trusted());
        assertTrue(insecure.tls().get().problem().isPresent());
        assertTrue(insecure.tls().get().subject().contains("CN=localhost"));
    }

    @Test
    void sixteenProbesAtOnceAllEndAndAgree() throws Exception {
        SmtpProber prober = OsgiServices.service(SmtpProber.class);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<ProbeReport>> futures = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                futures.add(pool.submit(() -> prober.probe(request(MailServers.SUBMISSION, Security.STARTTLS)
                        .credentials(MailServers.USER, password(MailServers.PASSWORD)).build())));
            }
            for (Future<ProbeReport> f : futures) {
                ProbeReport r = f.get(60, TimeUnit.SECONDS);
                assertTrue(r.ok(), r::toString);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
