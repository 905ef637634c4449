package org.relaybench.probe.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.Finding;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.Severity;
import org.relaybench.core.diagnosis.Refutation;
import org.relaybench.probe.AccountProbe;
import org.relaybench.probe.DnsReport;
import org.relaybench.probe.MxRecord;
import org.relaybench.probe.ProbeEvidence;
import org.relaybench.probe.ProbeReport;
import org.relaybench.probe.RelayCheck;
import org.relaybench.probe.SrvRecord;

/** How probe results become findings and refutations, on made-up reports. */
class ProbeEvidenceTest {

    private static AccountProfile account(String host, int port, AuthMethod auth) {
        return AccountProfile.builder("someone@relaybench.test").outgoing(ServerSettings.builder(MailProtocol.SMTP)
                .host(host).port(port).security(Security.STARTTLS).auth(auth).username("someone@relaybench.test")
                .passwordSet(auth != AuthMethod.NONE).build()).build();
    }

    private static ProbeReport report(Optional<String> code, RelayCheck... relays) {
        return new ProbeReport("mail.relaybench.test", 587, Security.STARTTLS, List.of(), code, "summary", List.of(),
                Optional.empty(), List.of(), List.of("PLAIN"), List.of(relays), 10);
    }

    private static DnsReport dns(String... mx) {
        return new DnsReport("relaybench.test", "127.0.0.1:21053",
                java.util.Arrays.stream(mx).map(h -> new MxRecord(10, h)).toList(),
                List.of(new SrvRecord(0, 1, 587, "smtp.relaybench.test")), List.of(), Optional.of("mail.relaybench.test"),
                List.of(), false, List.of(), 1);
    }

    @Test
    void aServerThatAcceptsTheDevicesOwnSettingsRefutesSettingCauses() {
        AccountProbe probe = new AccountProbe(Optional.of(report(Optional.empty(), new RelayCheck(false, false, "554"),
                new RelayCheck(true, true, "250 2.1.5 Ok"))), Optional.empty(), Optional.empty());
        List<String> refuted = ProbeEvidence.refutations(account("mail.relaybench.test", 587, AuthMethod.PASSWORD), probe)
                .stream().map(Refutation::code).toList();
        assertTrue(refuted.containsAll(List.of("wrong-smtp-port", "wrong-security", "smtp-auth-missing",
                "smtp-credentials-rejected")), refuted::toString);
        assertTrue(!refuted.contains("network-restricted-relay"), "the probe ran from another network");
        // a device without AUTH was not what the probe tried with credentials
        assertEquals(List.of(), ProbeEvidence.refutations(account("mail.relaybench.test", 587, AuthMethod.NONE), probe));
    }

    @Test
    void withoutThePasswordAnAuthenticatingDeviceIsNotBlamed() {
        AccountProbe probe = new AccountProbe(Optional.of(report(Optional.of("smtp-auth-missing"),
                new RelayCheck(false, false, "554 5.7.1 Relay access denied"))), Optional.empty(), Optional.empty());
        assertEquals(List.of(), ProbeEvidence.findings(account("mail.relaybench.test", 587, AuthMethod.PASSWORD), probe));
        List<Finding> noAuth = ProbeEvidence.findings(account("mail.relaybench.test", 587, AuthMethod.NONE), probe);
        assertEquals("smtp-auth-missing", noAuth.get(0).code());
        assertEquals(Severity.ERROR, noAuth.get(0).severity());
    }

    @Test
    void dnsPointsAtThePublishedSubmissionServerAndAtAnMxUsedForSending() {
        List<Finding> srv = ProbeEvidence.findings(account("mail.relaybench.test", 587, AuthMethod.PASSWORD),
                new AccountProbe(Optional.empty(), Optional.empty(), Optional.of(dns("mx1.relaybench.test"))));
        assertEquals(1, srv.size(), srv::toString);
        assertEquals("wrong-smtp-host", srv.get(0).code());
        assertEquals(Severity.WARNING, srv.get(0).severity());
        assertTrue(srv.get(0).title().contains("smtp.relaybench.test:587"), srv.get(0)::title);

        List<Finding> mx = ProbeEvidence.findings(account("mail.relaybench.test", 587, AuthMethod.PASSWORD),
                new AccountProbe(Optional.empty(), Optional.empty(), Optional.of(dns("mail.relaybench.test"))));
        assertTrue(mx.stream().anyMatch(f -> f.rule().equals("probe.dns-mx-host")), mx::toString);

        List<Finding> address = ProbeEvidence.findings(account("127.0.0.1", 587, AuthMethod.PASSWORD),
                new AccountProbe(Optional.empty(), Optional.empty(), Optional.of(dns("mx1.relaybench.test"))));
        assertEquals(List.of(), address, "an address is not compared with SRV names");
    }
}
