package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.diagnosis.ReplyMatch;
import org.relaybench.core.internal.classify.ReplyClassifier;
import org.relaybench.tests.common.OsgiServices;

/**
 * The engine keeps what an error text read as, per provider, and does not read a text seen again: a
 * text must read the same whichever accounts and providers read it before, a provider's known replies
 * must never reach an account of another provider or of none, and neither many distinct texts nor long
 * ones may change a reading.
 */
class RepeatedErrorTextTest {

    /** AOL's known reply "(#AUTH005)" and the core classifier both read this text. */
    private static final String AUTH005 = "535 5.7.0 (#AUTH005) Too many bad auth attempts.";

    private static DiagnosisEngine engine;

    @BeforeAll
    static void engine() throws Exception {
        engine = OsgiServices.service(DiagnosisEngine.class);
    }

    private static AccountProfile account(String email, String text) {
        return AccountProfile.builder(email).client(ClientInfo.parse("ios-17"))
                .outgoing(ServerSettings.builder(MailProtocol.SMTP).host("smtp.example.net").port(587)
                        .security(Security.STARTTLS).auth(AuthMethod.PASSWORD).build())
                .errorText(text).build();
    }

    @Test
    void aProvidersKnownRepliesReachOnlyItsOwnAccountsWhateverWasReadBefore() {
        Diagnosis aol = engine.diagnose(account("someone@aol.com", AUTH005));
        assertTrue(aol.replies().stream().anyMatch(m -> m.source().equals("aol")),
                "AOL's known reply matched: " + aol.replies());
        // the same text for an account of no provider, right after AOL's: the core classifier's reading only
        Diagnosis none = engine.diagnose(account("someone@nowhere.invalid", AUTH005));
        assertFalse(none.replies().stream().anyMatch(m -> m.source().equals("aol")), none.replies().toString());
        assertEquals(expectedWithoutProvider(AUTH005), none.replies());
        // and back: AOL's again, as the first time, with the findings made of it
        for (int i = 0; i < 3; i++) {
            Diagnosis again = engine.diagnose(account("other" + i + "@aol.com", AUTH005));
            assertEquals(aol.replies(), again.replies());
            assertEquals(aol.findings(), again.findings());
        }
    }

    @Test
    void manyDistinctTextsAndLongOnesReadAsTheClassifierReadsThem() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) { // more than the engine keeps: it starts over and reads again
            texts.add(switch (i % 3) {
                case 0 -> "554 5.7.1 <user" + i + "@example.org>: Relay access denied";
                case 1 -> "535 5.7.8 Username and Password not accepted. Case " + i;
                default -> "452 4.2.2 The email account that you tried to reach is over quota " + i;
            });
        }
        texts.add("550 5.7.1 Relaying denied. " + "x".repeat(5_000)); // longer than a text kept
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < texts.size(); i += round == 0 ? 1 : 7) {
                String text = texts.get(i);
                Diagnosis d = engine.diagnose(account("someone@nowhere.invalid", text));
                assertEquals(expectedWithoutProvider(text), d.replies(), text);
            }
        }
    }

    /** @return what the engine reads a text as for an account without a provider: the classifier's matches */
    private static List<ReplyMatch> expectedWithoutProvider(String text) {
        ReplyClassifier classifier = new ReplyClassifier();
        List<ReplyMatch> matches = classifier.classify(text);
        return matches.isEmpty() ? classifier.readCodes(text).stream().toList() : matches;
    }
}
