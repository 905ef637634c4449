package org.relaybench.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Checks below the API that every session's summary row agrees with its trail of changes. */
final class SummaryCheck {

    private SummaryCheck() {
    }

    static void assertConsistent(Connection c) throws SQLException {
        assertEquals(List.of(), ids(c, "select s.id from rb_session s left join rb_event e on e.session_id = s.id"
                + " group by s.id, s.last_seq"
                + " having s.last_seq <> count(e.seq) or s.last_seq <> max(e.seq) or min(e.seq) <> 1"),
                "sessions whose changes are not numbered 1..last_seq");
        assertEquals(List.of(), ids(c, "select s.id from rb_session s where not exists (select 1 from rb_event e"
                + " where e.session_id = s.id and e.seq = 1 and e.kind = 'opened')"), "sessions without their opening");
        assertEquals(List.of(), ids(c, "select s.id from rb_session s where s.diagnoses <> (select count(*) from"
                + " rb_event e where e.session_id = s.id and e.kind = 'diagnosed') or s.probes <> (select count(*) from"
                + " rb_event e where e.session_id = s.id and e.kind = 'probed')"), "summaries that miscount");
        assertEquals(List.of(), ids(c, "select s.id from rb_session s where s.top_cause <> '' and not exists (select 1"
                + " from rb_session_cause x where x.session_id = s.id and x.cause = s.top_cause)"),
                "causes missing from the index");
        c.commit();
    }

    private static List<String> ids(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
