package org.relaybench.store.tests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Network;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.Severity;
import org.relaybench.core.diagnosis.DiagnosisError;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.ProbeRecord;

/** Sample values for the store tests; plain Java, also used by the writer processes. */
final class Samples {

    static final String RELAYING = "A copy has been placed in your Outbox. The recipient \"sam@example.org\" was"
            + " rejected by the server because it does not allow relaying.";

    private Samples() {
    }

    static AccountProfile account(String email) {
        return AccountProfile.builder(email).client(ClientInfo.parse("ios-12"))
                .network(new Network(Network.Kind.WIFI, Optional.of("Comcast")))
                .incoming(ServerSettings.builder(MailProtocol.IMAP).host("imap.aol.com").port(993).security(Security.TLS)
                        .auth(AuthMethod.PASSWORD).username(email).passwordSet(true).build())
                .outgoing(ServerSettings.builder(MailProtocol.SMTP).host("smtp.aol.com").port(587)
                        .security(Security.STARTTLS).auth(AuthMethod.NONE).build())
                .otherOutgoing(ServerSettings.builder(MailProtocol.SMTP).host("smtp.comcast.net").port(25)
                        .auth(AuthMethod.PASSWORD).username("someone").passwordSet(true).enabled(false).build())
                .errorText(RELAYING).build();
    }

    static DiagnosisRecord diagnosis(String provider, String... causes) {
        List<Finding> findings = new ArrayList<>();
        double confidence = 0.95;
        for (String cause : causes) {
            findings.add(new Finding(cause, Severity.ERROR, confidence, "Sample finding " + cause,
                    List.of(new Evidence(Evidence.Kind.SETTING, "smtp.auth", "none"),
                            new Evidence(Evidence.Kind.REPLY, "error text", "does not allow relaying")),
                    provider, provider + ".rule", Optional.of(provider + "-smtp-settings")));
            confidence /= 2;
        }
        return new DiagnosisRecord(Instant.now(), Optional.of(provider), Optional.of(provider.toUpperCase() + " Mail"),
                findings, List.of(new DiagnosisError(provider, "slow-rule", "overran 250 ms")));
    }

    /** A probe as the prober hands it over: AUTH already redacted; lines lines of dialogue. */
    static ProbeRecord probe(String host, int lines) {
        List<String> transcript = new ArrayList<>(List.of("S: 220 " + host + " ESMTP ready", "C: EHLO relaybench",
                "S: 250-" + host, "S: 250-AUTH PLAIN LOGIN", "S: 250 STARTTLS", "C: AUTH PLAIN [redacted]",
                "S: 235 2.7.0 Authentication successful", "C: MAIL FROM:<sam@aol.com>"));
        for (int i = transcript.size(); i < lines; i++) {
            transcript.add("S: 250-filler line " + i + " of a long server greeting");
        }
        transcript.add("C: RSET");
        transcript.add("C: QUIT");
        return new ProbeRecord(Instant.now(), host, 587, "starttls", Optional.of("relay-denied"),
                "554 5.7.1 Relay access denied", transcript);
    }
}
