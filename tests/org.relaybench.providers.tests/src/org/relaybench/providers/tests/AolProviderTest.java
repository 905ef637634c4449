package org.relaybench.providers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.Finding;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.providers.Procedure;
import org.relaybench.testing.ProviderContractTest;

/** AOL: the seed's own provider, its settings and its procedures. */
class AolProviderTest extends ProviderContractTest {

    @Override
    protected String providerId() {
        return "aol";
    }

    @Test
    void issueExampleRanksAuthMissingFirstWithIos12Steps() {
        AccountProfile account = AccountProfile.builder("someone@aol.com").client(ClientInfo.parse("ios-12"))
                .outgoing(ServerSettings.builder(MailProtocol.SMTP).host("smtp.aol.com").port(587)
                        .security(Security.STARTTLS).auth(AuthMethod.NONE).build())
                .errorText(IOS_RELAYING).build();
        Diagnosis d = engine.diagnose(account);
        Finding top = d.top().orElseThrow();
        assertEquals("smtp-auth-missing", top.code());
        Procedure p = d.procedureFor(top).orElseThrow();
        assertEquals("aol-smtp-settings", p.id());
        List<String> steps = p.steps().stream().map(s -> s.wordingFor(account.client()).text()).toList();
        assertTrue(steps.get(0).contains("Settings > Passwords & Accounts"), steps.get(0));
        assertTrue(steps.stream().anyMatch(s -> s.contains("smtp.aol.com")), steps::toString);
        assertTrue(steps.stream().anyMatch(s -> s.contains("Optional")), "type the password even when Optional");
    }

    @Test
    void seedProceduresArePresent() {
        List<String> ids = provider.procedures().stream().map(Procedure::id).toList();
        assertTrue(ids.containsAll(List.of("aol-smtp-settings", "aol-readd-account", "quick-tips")), ids::toString);
        Procedure readd = provider.procedure("aol-readd-account").orElseThrow();
        String all = String.join(" ", readd.steps().stream().map(s -> s.wordingFor(ClientInfo.parse("ios-12")).text()).toList());
        assertTrue(all.contains("Wi-Fi"), "remove the account, turn off Wi-Fi, re-add: " + all);
    }

    @Test
    void verizonAddressesAreAol() {
        Diagnosis d = engine.diagnose(AccountProfile.builder("old.timer@verizon.net")
                .outgoing(ServerSettings.builder(MailProtocol.SMTP).host("outgoing.verizon.net").port(465)
                        .security(Security.TLS).auth(AuthMethod.PASSWORD).username("old.timer@verizon.net")
                        .passwordSet(true).build())
                .build());
        assertEquals("aol", d.provider().orElseThrow().id());
        assertEquals("wrong-smtp-host", d.top().orElseThrow().code());
    }
}
