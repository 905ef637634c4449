package org.relaybench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStoreFactory;
import org.relaybench.tests.common.OsgiServices;

/** Without {@code --store}, {@code diagnose} logs to and {@code sessions list} reads the default store. */
class DefaultStoreCommandTest {

    @Test
    void withoutStoreTheCommandsUseTheDefaultH2FileInTheInstanceArea() throws Exception {
        SessionStoreFactory factory = OsgiServices.service(SessionStoreFactory.class);
        String workspace = new File(Platform.getInstanceLocation().getURL().getFile()).getAbsolutePath();
        assertEquals("jdbc:h2:file:" + new File(workspace, "relaybench/sessions").getPath(), factory.defaultUrl());

        CliRun run = CliRun.run(null, "diagnose", "--email", "default@aol.com", "--smtp-host", "smtp.aol.com",
                "--smtp-auth", "none", "--customer", "Default Store Customer");
        assertEquals(0, run.exit(), run::err);
        Matcher m = Pattern.compile("Session ([0-9a-f-]{36}) logged in jdbc:h2:file:").matcher(run.out());
        assertTrue(m.find(), run.out());
        try (SessionStore store = factory.openDefault()) {
            assertTrue(store.get(m.group(1)).isPresent());
        }
        CliRun list = CliRun.run(null, "sessions", "list", "--customer", "default store");
        assertTrue(list.out().contains(m.group(1)), list.out());
        assertTrue(new File(workspace, "relaybench/sessions.mv.db").isFile());
    }
}
