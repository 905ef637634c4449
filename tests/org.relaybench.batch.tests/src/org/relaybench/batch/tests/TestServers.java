package org.relaybench.batch.tests;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.relaybench.tests.servers.DnsServer;
import org.relaybench.tests.servers.MailServers;

/**
 * Starts the shared real test servers (Postfix with Dovecot, dnsmasq) once per test run, at the first
 * test class that needs them, and stops them by PID when the run ends. Run such tests under
 * {@code flock /tmp/relaybench-servers.lock}.
 */
public final class TestServers implements BeforeAllCallback {

    private static volatile Running running;

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
        running = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(TestServers.class.getName(), key -> start(), Running.class);
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

    static MailServers mail() {
        return running.mail();
    }
}
