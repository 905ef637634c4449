package org.example.relaybench.provider.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.Finding;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.testing.RelaybenchServices;

/** The code rule, run by the real engine as Relaybench runs it (created from plugin.xml, under a budget). */
class SenderAliasRuleTest {

    private static AccountProfile account(String user) {
        return AccountProfile.builder("anna@examplenet.example")
                .outgoing(ServerSettings.builder(MailProtocol.SMTP).host("smtp.examplenet.example").port(465)
                        .security(Security.TLS).auth(AuthMethod.PASSWORD).username(user).passwordSet(true).build())
                .build();
    }

    @Test
    void anotherAddressAsUserNameIsAWarning() throws Exception {
        DiagnosisEngine engine = RelaybenchServices.get(getClass(), DiagnosisEngine.class);
        var diagnosis = engine.diagnose(account("bob@examplenet.example"));
        List<Finding> aliases = diagnosis.findings().stream().filter(f -> f.code().equals("examplenet.sender-alias"))
                .toList();
        assertEquals(1, aliases.size(), diagnosis::toString);
        assertEquals("sender-alias", aliases.get(0).rule());
        assertEquals("smtp-auth", aliases.get(0).procedure().orElseThrow());
        assertEquals(List.of(), diagnosis.errors());
    }

    @Test
    void theOwnAddressOrALocalPartIsFine() throws Exception {
        DiagnosisEngine engine = RelaybenchServices.get(getClass(), DiagnosisEngine.class);
        for (String user : List.of("anna@examplenet.example", "ANNA@examplenet.example", "anna")) {
            assertTrue(engine.diagnose(account(user)).findings().stream()
                    .noneMatch(f -> f.code().equals("examplenet.sender-alias")), user);
        }
    }
}
