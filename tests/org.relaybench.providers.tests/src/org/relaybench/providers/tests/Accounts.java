package org.relaybench.providers.tests;

import java.util.List;

import org.relaybench.core.AuthMethod;
import org.relaybench.core.Finding;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.diagnosis.Diagnosis;

/** Shorthands the per-provider tests share: an outgoing server as configured, and a diagnosis' codes. */
final class Accounts {

    private Accounts() {
    }

    static ServerSettings smtp(String host, int port, Security security, AuthMethod auth, String user, boolean password) {
        return ServerSettings.builder(MailProtocol.SMTP).host(host).port(port).security(security).auth(auth)
                .username(user).passwordSet(password).build();
    }

    static List<String> codes(Diagnosis d) {
        return d.findings().stream().map(Finding::code).toList();
    }
}
