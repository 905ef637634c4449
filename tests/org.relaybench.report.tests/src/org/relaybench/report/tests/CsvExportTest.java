package org.relaybench.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.relaybench.core.Finding;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.SessionExporter.Format;
import org.relaybench.tests.common.OsgiServices;

/** The CSV export: RFC 4180, one row per finding of every diagnosis, the documented columns. */
class CsvExportTest {

    static final List<String> COLUMNS = List.of("session_id", "opened", "status", "customer", "ticket", "agent",
            "email", "client", "diagnosis", "diagnosed_at", "provider_id", "provider_name", "rank", "code", "cause",
            "severity", "confidence", "title", "rule", "rule_provider", "procedure", "procedure_title",
            "steps_worked", "steps_did_not_work", "evidence");

    @Test
    void oneRowPerFinding() throws Exception {
        SupportSession s = Fixtures.aolIphone(OsgiServices.service(DiagnosisEngine.class));
        List<List<String>> rows = Csv.parse(Exports.text(s, Format.CSV));
        assertEquals(COLUMNS, rows.get(0));
        List<Finding> findings = s.diagnoses().get(0).findings();
        assertEquals(findings.size() + 1, rows.size());
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            assertEquals(COLUMNS.size(), row.size());
            assertEquals(Fixtures.CUSTOMER, row.get(COLUMNS.indexOf("customer")));
            assertEquals("aol", row.get(COLUMNS.indexOf("provider_id")));
            assertEquals(Integer.toString(i), row.get(COLUMNS.indexOf("rank")));
            Finding f = findings.get(i - 1);
            assertEquals(f.code(), row.get(COLUMNS.indexOf("code")));
            assertEquals(f.title().replaceAll("\\s+", " ").trim(), row.get(COLUMNS.indexOf("title")));
            if (f.procedure().filter("aol-smtp-settings"::equals).isPresent()) {
                assertEquals("3", row.get(COLUMNS.indexOf("steps_worked")));
                assertEquals("0", row.get(COLUMNS.indexOf("steps_did_not_work")));
            }
        }
        assertTrue(rows.stream().skip(1).anyMatch(r -> r.get(COLUMNS.indexOf("code")).equals("smtp-auth-missing")));
    }

    @Test
    void sessionWithoutDiagnosisGivesOneRow() throws Exception {
        SupportSession s = Fixtures.customDomain();
        SupportSession bare = new SupportSession(s.id(), s.opened(), s.updated(), s.agent(), "Jane, \"JJ\" Doe",
                s.ticket(), s.status(), s.account(), List.of(), List.of(), List.of(), List.of(), List.of());
        String csv = Exports.text(bare, Format.CSV);
        assertTrue(csv.contains("\"Jane, \"\"JJ\"\" Doe\""), csv);
        List<List<String>> rows = Csv.parse(csv);
        assertEquals(2, rows.size());
        assertEquals("Jane, \"JJ\" Doe", rows.get(1).get(COLUMNS.indexOf("customer")));
        assertEquals("", rows.get(1).get(COLUMNS.indexOf("code")));
    }
}
