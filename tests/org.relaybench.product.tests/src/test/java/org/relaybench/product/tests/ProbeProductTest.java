package org.relaybench.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaybench.tests.common.servers.DnsServer;
import org.relaybench.tests.common.servers.MailServers;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code relaybench probe} and {@code diagnose --probe} in the materialized headless product, against
 * the real Postfix, Dovecot and dnsmasq: the probe bundle, Jakarta Mail and Angus resolve and work in
 * the product (the IMAP login check proves Jakarta Mail's ServiceLoader lookups succeed there).
 */
class ProbeProductTest {

    private static final Map<String, String> ENV = Map.of("RB_PW", MailServers.PASSWORD);

    private static Product product;
    private static MailServers mail;
    private static DnsServer dns;

    @BeforeAll
    static void start() throws Exception {
        product = Product.copy("headless-probe");
        Path dir = Path.of(System.getProperty("relaybench.servers"));
        dns = DnsServer.start(dir.resolve("dns"));
        mail = MailServers.start(dir.resolve("mail"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (mail != null) {
            mail.close();
        }
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void probeWithLoginCheckRunsInTheProduct() throws Exception {
        Product.Run run = product.run(ENV, "probe", "--host", MailServers.HOST, "--port",
                Integer.toString(MailServers.SUBMISSION), "--security", "starttls", "--user", MailServers.USER,
                "--password-env", "RB_PW", "--trust-cert", mail.certificate().toString(), "--incoming-host",
                MailServers.HOST, "--incoming-port", Integer.toString(MailServers.IMAP), "--dns", DnsServer.address(),
                "--json");
        assertEquals(0, run.exit(), run::err);
        JsonObject root = JsonParser.parseString(run.out()).getAsJsonObject();
        assertTrue(root.get("code").isJsonNull(), run::out);
        assertEquals("accepted", root.getAsJsonObject("incoming").get("outcome").getAsString(), run::out);
        assertEquals("mx1.relaybench.test", root.getAsJsonObject("dns").getAsJsonArray("mx").get(0).getAsJsonObject()
                .get("host").getAsString());
        assertFalse(run.out().contains(MailServers.PASSWORD) || run.err().contains(MailServers.PASSWORD));
    }

    @Test
    void diagnoseWithProbeFindsTheMissingAuthentication() throws Exception {
        Product.Run run = product.run("diagnose", "--email", MailServers.USER, "--client", "ios-12", "--smtp-host",
                MailServers.HOST, "--smtp-port", Integer.toString(MailServers.SUBMISSION), "--smtp-security", "starttls",
                "--smtp-auth", "none", "--probe", "--trust-cert", mail.certificate().toString(), "--dns",
                DnsServer.address(), "--fail-on", "error");
        assertEquals(1, run.exit(), run::err);
        assertTrue(run.out().contains(" 1. ERROR   smtp-auth-missing"), run::out);
        assertTrue(run.out().contains("Probe of 127.0.0.1:20587 (starttls): smtp-auth-missing"), run::out);
        assertTrue(run.out().contains("Relay access denied"), run::out);
    }

    @Test
    void helpListsTheProbeCommand() throws Exception {
        Product.Run run = product.run("--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().contains("probe"), run::out);
        Product.Run help = product.run("probe", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().startsWith("Usage: relaybench probe --host H --port N"), help::out);
    }
}
