package org.relaybench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.relaybench.tests.common.servers.PostgresServer;

/** A store URL that carries its password still works, with a warning that names the safer ways. */
class StorePasswordCommandTest {

    @Test
    void aPasswordInTheStoreUrlIsWarnedAboutAndNeverPrinted() throws Exception {
        String url = PostgresServer.get().freshPasswordDatabase("cli_pw_url") + "&password="
                + PostgresServer.PASSWORD_USER_PASSWORD;
        CliRun run = CliRun.run(null, "sessions", "list", "--store", url);
        assertEquals(0, run.exit(), run::err);
        assertTrue(run.err().contains("warning: the --store URL carries a password"), run::err);
        assertTrue(run.err().contains("RELAYBENCH_STORE_PASSWORD"), run::err);
        assertFalse((run.out() + run.err()).contains(PostgresServer.PASSWORD_USER_PASSWORD), "the password is not shown");
    }
}
