package org.relaybench.providers.tests;

import static org.relaybench.providers.tests.Accounts.codes;
import static org.relaybench.providers.tests.Accounts.smtp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.Security;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.testing.ProviderContractTest;

/** AT&T: legacy domains on Yahoo's hosts, secure mail key. */
class AttProviderTest extends ProviderContractTest {

    @Override
    protected String providerId() {
        return "att";
    }

    @Test
    void legacyDomainOnPort25WithShortUserName() {
        Diagnosis d = engine.diagnose(AccountProfile.builder("jordan@sbcglobal.net").client(ClientInfo.parse("outlook"))
                .outgoing(smtp("smtp.mail.att.net", 25, Security.NONE, AuthMethod.PASSWORD, "jordan", true))
                .errorText("Server error: '550 5.7.1 Relaying denied' Error Number: 0x800CCC79").build());
        assertEquals("att", d.provider().orElseThrow().id());
        assertTrue(codes(d).containsAll(List.of("wrong-smtp-port", "smtp-username-form")), codes(d)::toString);
    }

    @Test
    void rejectedPasswordPointsAtSecureMailKey() {
        Diagnosis d = engine.diagnose(AccountProfile.builder("pat@att.net").client(ClientInfo.parse("thunderbird"))
                .outgoing(smtp("smtp.mail.att.net", 465, Security.TLS, AuthMethod.PASSWORD, "pat@att.net", true))
                .errorText("535 5.7.0 (#AUTH005) Too many bad auth attempts.").build());
        assertTrue(codes(d).contains("app-password-required"), codes(d)::toString);
        assertTrue(codes(d).contains("smtp-credentials-rejected"), codes(d)::toString);
    }
}
