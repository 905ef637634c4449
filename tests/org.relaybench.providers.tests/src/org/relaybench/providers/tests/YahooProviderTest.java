package org.relaybench.providers.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.relaybench.testing.ProviderContractTest;

/** Yahoo Mail: country domains and their servers. */
class YahooProviderTest extends ProviderContractTest {

    @Override
    protected String providerId() {
        return "yahoo";
    }

    static ServerSettings smtp(String host, int port, Security security, AuthMethod auth, String user, boolean password) {
        return ServerSettings.builder(MailProtocol.SMTP).host(host).port(port).security(security).auth(auth)
                .username(user).passwordSet(password).build();
    }

    static List<String> codes(Diagnosis d) {
        return d.findings().stream().map(Finding::code).toList();
    }

    @Test
    void countryDomainWithIncomingHostAsOutgoing() {
        Diagnosis d = engine.diagnose(AccountProfile.builder("ana@yahoo.es").client(ClientInfo.parse("ios-15"))
                .outgoing(smtp("imap.mail.yahoo.com", 465, Security.TLS, AuthMethod.PASSWORD, "ana@yahoo.es", true)).build());
        assertEquals("yahoo", d.provider().orElseThrow().id());
        assertEquals("wrong-smtp-host", d.top().orElseThrow().code(), codes(d)::toString);
    }
}
