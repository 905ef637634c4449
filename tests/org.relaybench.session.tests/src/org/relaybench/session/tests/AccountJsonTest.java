package org.relaybench.session.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.Network;
import org.relaybench.core.Security;
import org.relaybench.session.AccountCheck;
import org.relaybench.session.AccountJson;
import org.relaybench.session.FieldProblem;

/** The JSON form of an account: the examples' short form, the export's form, and a whole export. */
class AccountJsonTest {

    static final String EXAMPLE = """
            {"email": "pat.lee@aol.com", "client": "ios-12", "network": "wifi", "networkOperator": "Comcast",
             "error": "The recipient was rejected by the server because it does not allow relaying.",
             "mx": ["MX-AOL.mail.gm0.yahoodns.net"],
             "incoming": {"protocol": "imap", "host": "imap.aol.com", "port": 993, "security": "tls",
                          "auth": "password", "username": "pat.lee@aol.com", "passwordSet": true},
             "outgoing": {"host": "smtp.aol.com", "port": 587, "security": "starttls", "auth": "none",
                          "username": "", "passwordSet": false, "enabled": true}}
            """;

    @Test
    void theExamplesShortFormIsRead() {
        AccountCheck check = AccountJson.read(EXAMPLE).check();
        AccountProfile a = check.orElseThrow();
        assertEquals(Network.Kind.WIFI, a.network().kind());
        assertEquals("Comcast", a.network().operator().orElseThrow());
        assertTrue(a.errorText().contains("relaying"));
        assertEquals(Security.TLS, a.incoming().orElseThrow().security());
        assertEquals(587, a.primaryOutgoing().orElseThrow().port());
        assertEquals(List.of("mx-aol.mail.gm0.yahoodns.net"), check.mx());
    }

    @Test
    void theExportFormIsReadTheSame() {
        String export = """
                {"email": "pat.lee@aol.com", "client": "ios-12", "network": {"kind": "wifi", "operator": "Comcast"},
                 "errorText": "The recipient was rejected by the server because it does not allow relaying.",
                 "incoming": {"protocol": "imap", "host": "imap.aol.com", "port": 993, "security": "tls",
                              "auth": "password", "username": "pat.lee@aol.com", "passwordSet": true, "enabled": true},
                 "outgoing": {"protocol": "smtp", "host": "smtp.aol.com", "port": 587, "security": "starttls",
                              "auth": "none", "username": null, "passwordSet": false, "enabled": true},
                 "otherOutgoing": []}
                """;
        assertEquals(AccountJson.read(EXAMPLE).check().orElseThrow(), AccountJson.read(export).check().orElseThrow());
    }

    @Test
    void portZeroInAFileMeansUnknownAsTheExportWritesIt() {
        AccountProfile a = AccountJson.read("{\"email\": \"a@example.org\", \"outgoing\": {\"host\": \"smtp.example.org\", \"port\": 0}}")
                .check().orElseThrow();
        assertEquals(0, a.primaryOutgoing().orElseThrow().port());
    }

    @Test
    void aBadValueIsNamedByItsPath() {
        AccountCheck check = AccountJson.read("{\"email\": \"a@example.org\", \"outgoing\": {\"security\": \"ssl3\"},"
                + " \"otherOutgoing\": [{\"host\": \"x.org\", \"auth\": \"kerberos\"}]}").check();
        assertEquals(List.of("$.outgoing.security: must be none, starttls or tls: ssl3",
                "$.otherOutgoing[0].auth: must be none, password, oauth2 or app-password: kerberos"),
                check.problems().stream().map(FieldProblem::asJsonPath).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = { "[1, 2]", "{\"email\": \"a@b.org\", \"outgoing\": []}", "{\"email\": {}}",
            "{\"email\": \"a@b.org\", \"outgoing\": {\"port\": true}}", "{\"email\": \"a@b.org\", \"mx\": [{}]}",
            "{\"schema\": \"relaybench.session/9\", \"account\": {}}", "{\"email\": \"a@b.org\",", "" })
    void aWrongShapeIsAClearError(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccountJson.read(text));
        assertTrue(e.getMessage().matches("(\\$.*|not valid JSON.*|an account must be a JSON object)"), e.getMessage());
    }

    @Test
    void aPasswordIsRefusedWherever() {
        for (String text : List.of("{\"email\": \"a@b.org\", \"password\": \"x\"}",
                "{\"email\": \"a@b.org\", \"outgoing\": {\"password\": \"x\"}}")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AccountJson.read(text));
            assertTrue(e.getMessage().contains("does not read passwords"), e.getMessage());
            assertTrue(!e.getMessage().contains("\"x\""), "the password is not repeated");
        }
    }

    @Test
    void deeplyNestedInputIsRefusedNotACrash() {
        String deep = "[".repeat(100_000);
        assertThrows(IllegalArgumentException.class, () -> AccountJson.read(deep));
    }
}
