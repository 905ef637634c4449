package org.relaybench.benchmarks;

import java.nio.file.Path;

import org.relaybench.tests.common.servers.MailServers;

/**
 * Starts the tests' private Postfix and Dovecot (loopback ports 20000-20999) for a benchmark run,
 * prints {@code ready} and the submission port, and stops them by PID when standard input ends.
 * {@code releng/startup-benchmark --start-servers} uses it for {@code relaybench probe}.
 */
public final class TestServers {

    private TestServers() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "releng/org.relaybench.benchmarks/target/startup-servers");
        try (MailServers servers = MailServers.start(dir)) {
            System.out.println("ready " + MailServers.HOST + ":" + MailServers.SUBMISSION + " " + servers.certificate());
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the caller closes standard input
            }
        }
    }
}
