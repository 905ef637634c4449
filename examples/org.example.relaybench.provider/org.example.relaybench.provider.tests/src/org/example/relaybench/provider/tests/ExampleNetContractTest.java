package org.example.relaybench.provider.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.testing.ProviderContractTest;

/**
 * Example Net keeps Relaybench's provider contract (every check of {@link ProviderContractTest} runs
 * here), plus what is special about it.
 */
class ExampleNetContractTest extends ProviderContractTest {

    @Override
    protected String providerId() {
        return "examplenet";
    }

    @Test
    void companyDomainsHostedByExampleNetAreMatchedByTheirMx() {
        AccountProfile account = AccountProfile.builder("office@family-bakery.example").build();
        Diagnosis d = engine.diagnose(account, org.relaybench.core.diagnosis.DiagnosisOptions.DEFAULTS
                .withMxHosts(java.util.List.of("mx1.mx.examplenet.example")));
        assertEquals("examplenet", d.provider().orElseThrow().id());
    }

    @Test
    void port25OutsideItsNetworkPointsAtTheSubmissionPort() {
        AccountProfile account = AccountProfile.builder("someone@examplenet.example")
                .outgoing(ServerSettings.builder(MailProtocol.SMTP).host("smtp.examplenet.example").port(25)
                        .security(Security.NONE).auth(AuthMethod.PASSWORD).username("someone@examplenet.example")
                        .passwordSet(true).build())
                .errorText("550 5.7.1 Relaying not permitted from outside the Example Net network").build();
        Diagnosis d = engine.diagnose(account);
        assertTrue(d.findings().stream().anyMatch(f -> f.code().equals("network-restricted-relay")), d::toString);
        assertEquals("submission-port", d.procedureFor(d.findings().stream()
                .filter(f -> f.code().equals("wrong-smtp-port")).findFirst().orElseThrow()).orElseThrow().id());
    }
}
