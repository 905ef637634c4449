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
import org.relaybench.core.diagnosis.DiagnosisOptions;
import org.relaybench.testing.ProviderContractTest;

/** Exchange / Microsoft 365 / Outlook.com: the account-credentials exception on iOS, OAuth, tenant SMTP AUTH. */
class ExchangeProviderTest extends ProviderContractTest {

    @Override
    protected String providerId() {
        return "exchange";
    }

    @Test
    void onIphoneNeverAskForTheOutgoingPassword() {
        Diagnosis d = engine.diagnose(AccountProfile.builder("alex@outlook.com").client(ClientInfo.parse("ios-16"))
                .outgoing(smtp("smtp-mail.outlook.com", 587, Security.STARTTLS, AuthMethod.PASSWORD, null, false))
                .errorText(IOS_RELAYING).build());
        assertTrue(codes(d).stream().noneMatch(c -> c.equals("smtp-auth-missing")), codes(d)::toString);
        assertEquals("account-stale", d.top().orElseThrow().code(), codes(d)::toString);
    }

    @Test
    void tenantWithSmtpAuthDisabled() {
        AccountProfile account = AccountProfile.builder("sam@contoso.example").client(ClientInfo.parse("thunderbird"))
                .outgoing(smtp("smtp.office365.com", 587, Security.STARTTLS, AuthMethod.PASSWORD, "sam@contoso.example", true))
                .errorText("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."
                        + " Visit https://aka.ms/smtp_auth_disabled for more information.")
                .build();
        Diagnosis d = engine.diagnose(account,
                DiagnosisOptions.DEFAULTS.withMxHosts(List.of("contoso-example.mail.protection.outlook.com")));
        assertEquals("exchange", d.provider().orElseThrow().id(), "custom domain recognised by its MX");
        assertEquals("smtp-auth-disabled", d.top().orElseThrow().code(), codes(d)::toString);
    }

    @Test
    void anonymousRelayToNonAcceptedDomain() {
        Diagnosis d = engine.diagnose(AccountProfile.builder("kim@outlook.com").client(ClientInfo.parse("thunderbird"))
                .outgoing(smtp("smtp-mail.outlook.com", 587, Security.STARTTLS, AuthMethod.NONE, null, false))
                .errorText("550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain").build());
        assertEquals("smtp-auth-missing", d.top().orElseThrow().code(), codes(d)::toString);
    }
}
