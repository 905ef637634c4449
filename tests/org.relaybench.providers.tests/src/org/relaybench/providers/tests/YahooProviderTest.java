package org.relaybench.providers.tests;

import static org.relaybench.providers.tests.Accounts.codes;
import static org.relaybench.providers.tests.Accounts.smtp;
import static org.junit.jupiter.api.Assertions.assertEquals;


import org.junit.jupiter.api.Test;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.Security;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.testing.ProviderContractTest;

/** Yahoo Mail: country domains and their servers. */
class YahooProviderTest extends ProviderContractTest {

    @Override
    protected String providerId() {
        return "yahoo";
    }

    @Test
    void countryDomainWithIncomingHostAsOutgoing() {
        Diagnosis d = engine.diagnose(AccountProfile.builder("ana@yahoo.es").client(ClientInfo.parse("ios-15"))
                .outgoing(smtp("imap.mail.yahoo.com", 465, Security.TLS, AuthMethod.PASSWORD, "ana@yahoo.es", true)).build());
        assertEquals("yahoo", d.provider().orElseThrow().id());
        assertEquals("wrong-smtp-host", d.top().orElseThrow().code(), codes(d)::toString);
    }
}
