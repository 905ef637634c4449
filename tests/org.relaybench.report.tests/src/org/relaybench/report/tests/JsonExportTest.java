package org.relaybench.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.SessionExporter.Format;
import org.relaybench.tests.common.OsgiServices;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The JSON export: versioned, complete, documented member by member, and free of passwords. */
class JsonExportTest {

    @Test
    void exportIsVersionedAndComplete() throws Exception {
        SupportSession s = Fixtures.aolIphone(OsgiServices.service(DiagnosisEngine.class));
        JsonObject j = JsonParser.parseString(Exports.text(s, Format.JSON)).getAsJsonObject();
        assertEquals("relaybench.session/1", j.get("schema").getAsString());
        assertEquals(List.of("schema", "generator", "exported", "session", "account", "diagnoses", "probes",
                "procedures", "notes", "audit", "fixKit"), new ArrayList<>(j.keySet()));
        JsonObject session = j.getAsJsonObject("session");
        assertEquals(Fixtures.CUSTOMER, session.get("customer").getAsString());
        assertEquals("resolved", session.get("status").getAsString());
        assertEquals("2026-03-02T14:05:00Z", session.get("opened").getAsString());

        JsonObject account = j.getAsJsonObject("account");
        assertEquals("ios-12", account.get("client").getAsString());
        assertEquals(Fixtures.RELAYING, account.get("errorText").getAsString());
        assertEquals("none", account.getAsJsonObject("outgoing").get("auth").getAsString());
        assertFalse(account.getAsJsonObject("outgoing").get("passwordSet").getAsBoolean());

        JsonArray findings = j.getAsJsonArray("diagnoses").get(0).getAsJsonObject().getAsJsonArray("findings");
        assertEquals(s.diagnoses().get(0).findings().size(), findings.size());
        assertEquals(s.diagnoses().get(0).findings().get(0).code(),
                findings.get(0).getAsJsonObject().get("code").getAsString());

        JsonObject procedure = j.getAsJsonArray("procedures").get(0).getAsJsonObject();
        assertEquals("aol-smtp-settings", procedure.get("id").getAsString());
        assertEquals(List.of("open", "host", "credentials", "test"), ids(procedure.getAsJsonArray("steps")));

        JsonObject kit = j.getAsJsonObject("fixKit");
        assertEquals("aol", kit.get("provider").getAsString());
        JsonObject out = kit.getAsJsonObject("outgoing");
        assertEquals("smtp.aol.com", out.get("host").getAsString());
        assertEquals(465, out.get("port").getAsInt());
        assertEquals("tls", out.get("security").getAsString());
        assertEquals("password", out.get("auth").getAsString());
        assertEquals("zoe.mueller@aol.com", out.get("username").getAsString());
        assertEquals("provider", out.get("source").getAsString());

        for (String name : names(j)) {
            assertFalse(name.toLowerCase().contains("password") && !name.equals("passwordSet"),
                    "a member about a password: " + name);
        }
    }

    @Test
    void everyMemberIsDocumented() throws Exception {
        SupportSession s = Fixtures.aolIphone(OsgiServices.service(DiagnosisEngine.class));
        JsonObject j = JsonParser.parseString(Exports.text(s, Format.JSON)).getAsJsonObject();
        String doc = Files.readString(repositoryFile("docs/session-export-schema.md"));
        assertTrue(doc.contains("relaybench.session/1"));
        for (String name : names(j)) {
            assertTrue(doc.contains("`" + name + "`"), "member not documented: " + name);
        }
    }

    private static List<String> ids(JsonArray steps) {
        List<String> ids = new ArrayList<>();
        steps.forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsString()));
        return ids;
    }

    static Set<String> names(JsonElement e) {
        Set<String> names = new TreeSet<>();
        collect(e, names);
        return names;
    }

    private static void collect(JsonElement e, Set<String> names) {
        if (e.isJsonObject()) {
            e.getAsJsonObject().entrySet().forEach(m -> {
                names.add(m.getKey());
                collect(m.getValue(), names);
            });
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> collect(x, names));
        }
    }

    /** Finds a file of the repository from the test's working folder, whatever it is. */
    static Path repositoryFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new AssertionError(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
