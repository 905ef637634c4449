package org.relaybench.providers.tests;

import static org.relaybench.providers.tests.Accounts.codes;
import static org.relaybench.providers.tests.Accounts.smtp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.junit.jupiter.api.Test;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.Finding;
import org.relaybench.core.Security;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.testing.ProviderContractTest;

/** iCloud: credentials from the Apple account on Apple devices, app-specific passwords elsewhere. */
class IcloudProviderTest extends ProviderContractTest {

    @Override
    protected String providerId() {
        return "icloud";
    }

    @Test
    void onIphoneTheFixIsTheAccountNotTheOutgoingPassword() {
        Diagnosis d = engine.diagnose(AccountProfile.builder("alex@icloud.com").client(ClientInfo.parse("ios-17"))
                .outgoing(smtp("smtp.mail.me.com", 587, Security.STARTTLS, AuthMethod.PASSWORD, "alex@icloud.com", false))
                .errorText(IOS_RELAYING).build());
        assertTrue(codes(d).stream().noneMatch(c -> c.equals("smtp-auth-missing")), codes(d)::toString);
        Finding top = d.top().orElseThrow();
        assertEquals("account-stale", top.code());
        assertTrue(d.procedureFor(top).isPresent());
    }

    @Test
    void thunderbirdNeedsAnAppSpecificPassword() {
        Diagnosis d = engine.diagnose(AccountProfile.builder("alex@me.com").client(ClientInfo.parse("thunderbird"))
                .outgoing(smtp("smtp.mail.me.com", 587, Security.STARTTLS, AuthMethod.PASSWORD, "alex@me.com", true))
                .errorText("535 5.7.8 Error: authentication failed").build());
        assertTrue(codes(d).contains("app-password-required"), codes(d)::toString);
    }
}
