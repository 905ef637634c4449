package org.relaybench.ui.tests;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.Severity;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepState;
import org.relaybench.store.NewSession;
import org.relaybench.store.SessionStore;

/** Logged sessions written straight into a store, for figures a test knows in advance. */
final class Seeds {

    private Seeds() {
    }

    /**
     * Logs a diagnosed session and, when a procedure is given, a worked first step of it and the outcome.
     *
     * @param procedure the procedure tried, or null for none
     * @param resolved whether the session was then resolved (else unresolved; left open without a procedure)
     * @return the session id
     */
    static String session(SessionStore store, Instant opened, String provider, String cause, String procedure,
            boolean resolved) {
        String email = "seed@" + provider + ".example";
        AccountProfile account = AccountProfile.builder(email).client(ClientInfo.parse("ios-17"))
                .outgoing(ServerSettings.builder(MailProtocol.SMTP).host("smtp." + provider + ".example").port(587)
                        .security(Security.STARTTLS).auth(AuthMethod.NONE).build())
                .build();
        String id = store.open(new NewSession("seed", "Seed " + provider, "S-" + cause, account, opened));
        Finding finding = new Finding(cause, Severity.ERROR, 0.9, "Seeded " + cause,
                List.of(new Evidence(Evidence.Kind.SETTING, "smtp.auth", "none")), provider, provider + ".rule",
                Optional.ofNullable(procedure));
        store.recordDiagnosis(id, "seed", new DiagnosisRecord(Instant.now(), Optional.of(provider),
                Optional.of(provider.toUpperCase()), List.of(finding), List.of()));
        if (procedure != null) {
            store.setStep(id, "seed", procedure, "1", StepState.WORKED, "");
            store.setStatus(id, "seed", resolved ? SessionStatus.RESOLVED : SessionStatus.UNRESOLVED, "");
        }
        return id;
    }
}
