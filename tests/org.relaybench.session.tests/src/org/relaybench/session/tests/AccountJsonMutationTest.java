package org.relaybench.session.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.relaybench.session.AccountCheck;
import org.relaybench.session.AccountJson;
import org.relaybench.tests.common.Mutator;

/**
 * Account JSON as a broken export, a hand-edited file or a hostile batch line sends it: every mutation
 * of valid accounts is read into fields and checked, or refused with {@link IllegalArgumentException};
 * nothing else escapes, and nothing takes long.
 */
class AccountJsonMutationTest {

    private static final int CASES = 3000;
    private static final long SLOW_MILLIS = 1000;

    @Test
    void mutatedAccountsAreReadOrRefusedClearly() {
        Mutator m = new Mutator(20261204L, List.of("{", "}", "[", "]", "\"", ":", ",", "null", "true", "1e999", "-1",
                "0.5", "\"password\": \"x\"", "\"port\": ", "\"security\": \"ssl3\"", "\\u0000", "\\ud800", "\"email\": ",
                "[".repeat(300), "\"" + "x".repeat(70_000) + "\"", "\"schema\": \"relaybench.session/1\", "));
        List<String> bases = List.of(AccountJsonTest.EXAMPLE, """
                {"schema": "relaybench.session/1", "account": {"email": "pat.lee@aol.com", "client": "ios-17",
                 "network": {"kind": "cellular", "operator": null}, "errorText": "554 5.7.1 Relay access denied",
                 "incoming": null, "outgoing": {"protocol": "smtp", "host": "smtp.aol.com", "port": 465,
                 "security": "tls", "auth": "password", "username": "pat.lee@aol.com", "passwordSet": true,
                 "enabled": true}, "otherOutgoing": [{"host": "smtp.mail.att.net", "port": 0}]}}
                """);
        int read = 0;
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            String text = m.mutate(bases.get(i % bases.size()));
            long start = System.nanoTime();
            try {
                AccountCheck check = AccountJson.read(text).check();
                assertTrue(check.ok() == check.account().isPresent());
                check.problems().forEach(p -> assertTrue(!p.asJsonPath().isBlank()));
                read++;
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a refusal says why");
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("case " + i + " (seed " + m.seed() + ") threw " + e + " on: " + shown(text), e);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < SLOW_MILLIS, "case " + i + " (seed " + m.seed() + ") took " + millis + " ms");
        }
        assertTrue(read > CASES / 20 && refused > CASES / 20, "the cases reach both sides: read " + read + ", refused "
                + refused + " (seed " + m.seed() + ")");
    }

    private static String shown(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "… (" + text.length() + " chars)" : text;
    }
}
