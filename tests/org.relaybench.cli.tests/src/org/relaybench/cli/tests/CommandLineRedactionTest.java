package org.relaybench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relaybench.cli.tests.CliRun.account;
import static org.relaybench.cli.tests.CliRun.concat;
import static org.relaybench.cli.tests.CliRun.probeOptions;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.relaybench.tests.common.LeakWatch;
import org.relaybench.tests.common.servers.MailServers;
import org.relaybench.tests.common.servers.RealServers;

/**
 * A known password, right or wrong, appears nowhere in what {@code relaybench probe} and
 * {@code relaybench diagnose --probe} print, as JSON or as text, on standard output or standard error,
 * nor in the platform log, in plain or in any of the base64 forms AUTH sends it.
 */
@ExtendWith(RealServers.class)
class CommandLineRedactionTest {

    private static final String WRONG = "Wr0ng-but-still-S3cret!";

    @RegisterExtension
    final LeakWatch leaks = new LeakWatch();

    @Test
    void commandLineOutputNeverContainsIt() {
        List<String> outputs = new ArrayList<>();
        for (String password : List.of(MailServers.PASSWORD, WRONG)) {
            CliRun probe = CliRun.run(password, "probe", "--host", MailServers.HOST, "--port",
                    Integer.toString(MailServers.SUBMISSION), "--user", MailServers.USER, "--password-env",
                    CliRun.PASSWORD_VAR, "--trust-cert", RealServers.mail().certificate().toString(), "--json",
                    "--incoming-host", MailServers.HOST, "--incoming-port", Integer.toString(MailServers.IMAP));
            CliRun text = CliRun.run(password, "probe", "--host", MailServers.HOST, "--port",
                    Integer.toString(MailServers.SUBMISSION), "--security", "starttls", "--user", MailServers.USER, "--password-env",
                    CliRun.PASSWORD_VAR, "--insecure");
            CliRun diagnose = CliRun.run(password, concat(account(MailServers.USER, MailServers.SUBMISSION, "starttls",
                    "password", MailServers.USER), new String[] { "--password-env", CliRun.PASSWORD_VAR, "--json" },
                    probeOptions()));
            CliRun diagnoseText = CliRun.run(password, concat(account(MailServers.USER, MailServers.SUBMISSION,
                    "starttls", "password", MailServers.USER), new String[] { "--password-env", CliRun.PASSWORD_VAR },
                    probeOptions()));
            for (CliRun run : List.of(probe, text, diagnose, diagnoseText)) {
                assertEquals(0, run.exit(), run::err);
                outputs.add(run.out());
                outputs.add(run.err());
            }
            assertTrue(text.out().contains("AUTH PLAIN ****"), text::out);
            leaks.assertNowhere(MailServers.USER, password, outputs.toArray(String[]::new));
        }
    }
}
