package org.relaybench.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.gson.JsonObject;

/**
 * Replies that are not about the device's settings, pasted into {@code relaybench diagnose --error}:
 * the cause ranks first, the finding says the settings are not at fault, and nothing is an error.
 */
class DeliveryRepliesCommandTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table | recipient-unknown",
            "552 5.2.2 The email account that you tried to reach is over quota. | mailbox-full",
            "550 5.7.1 Message rejected as spam by Content Filtering. | message-rejected",
            "554 5.7.1 Service unavailable; Client host [203.0.113.7] blocked using zen.spamhaus.org | sender-blocked" })
    void theReplysCauseRanksFirstAndTheSettingsAreNotBlamed(String reply, String cause) {
        CliRun run = CliRun.run(null, "diagnose", "--email", "pat.lee@aol.com", "--client", "ios-17", "--smtp-host",
                "smtp.aol.com", "--smtp-port", "465", "--smtp-security", "tls", "--smtp-auth", "password", "--smtp-user",
                "pat.lee@aol.com", "--error", reply, "--json");
        assertEquals(0, run.exit(), run::err);
        JsonObject top = run.json().getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals(cause, top.get("code").getAsString(), run::out);
        assertNotEquals("error", top.get("severity").getAsString(), run::out);
        assertTrue(top.toString().contains("not at fault"), top::toString);
    }
}
