package org.relaybench.tests.common.servers;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension ({@code @ExtendWith(RealServers.class)}) that starts the real servers (Postfix
 * with Dovecot SASL, Dovecot IMAP/POP3, dnsmasq) once per test run, at the first test class that
 * needs them, and stops them by PID when the run ends (JUnit's root store closes its resources last).
 * Their configuration and logs go to the folder named by the system property
 * {@code relaybench.servers}, else {@code target/servers}.
 */
public final class RealServers implements BeforeAllCallback {

    private static volatile Running running;

    /** The servers of this run. */
    private record Running(MailServers mail, DnsServer dns) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Throwable {
            try {
                mail.close();
            } finally {
                dns.close();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(
                RealServers.class.getName(), key -> start(), Running.class);
    }

    private static Running start() {
        Path dir = Path.of(System.getProperty("relaybench.servers", "target/servers"));
        try {
            DnsServer dns = DnsServer.start(dir.resolve("dns"));
            try {
                return new Running(MailServers.start(dir.resolve("mail")), dns);
            } catch (Exception e) {
                dns.close();
                throw e;
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test servers: " + e.getMessage(), e);
        }
    }

    /** @return the mail servers of this run */
    public static MailServers mail() {
        return running.mail();
    }
}
