package org.relaybench.providers.tests;

import static org.relaybench.providers.tests.Accounts.codes;
import static org.relaybench.providers.tests.Accounts.smtp;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.Security;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.testing.ProviderContractTest;

/** Gmail: app passwords and OAuth2, Google's reply texts. */
class GmailProviderTest extends ProviderContractTest {

    @Override
    protected String providerId() {
        return "gmail";
    }

    @Test
    void badCredentialsMeanAppPassword() {
        Diagnosis d = engine.diagnose(AccountProfile.builder("lee@gmail.com").client(ClientInfo.parse("outlook"))
                .outgoing(smtp("smtp.gmail.com", 465, Security.TLS, AuthMethod.PASSWORD, "lee@gmail.com", true))
                .errorText("535-5.7.8 Username and Password not accepted. For more information, go to"
                        + " https://support.google.com/mail/?p=BadCredentials - gsmtp")
                .build());
        assertTrue(codes(d).containsAll(List.of("smtp-credentials-rejected", "app-password-required")), codes(d)::toString);
    }

    @Test
    void starttlsFirst() {
        Diagnosis d = engine.diagnose(AccountProfile.builder("lee@gmail.com").client(ClientInfo.parse("thunderbird"))
                .outgoing(smtp("smtp.gmail.com", 587, Security.NONE, AuthMethod.PASSWORD, "lee@gmail.com", true))
                .errorText("530 5.7.0 Must issue a STARTTLS command first. - gsmtp").build());
        assertTrue(codes(d).containsAll(List.of("tls-required", "wrong-security")), codes(d)::toString);
    }
}
