package org.relaybench.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.relaybench.core.session.SessionStatus;
import org.relaybench.core.session.StepState;
import org.relaybench.store.ProcedureOutcome;
import org.relaybench.store.ProcedureOutcomes;
import org.relaybench.store.SessionStatistics;

import com.google.gson.JsonObject;

/**
 * The store's read-only figures: sessions per cause and period, per provider, and fix outcomes per
 * procedure. The sessions of a range are read from {@code rb_session} by its opening-time index, their
 * step changes from {@code rb_event} by its primary key; the figures are added up here rather than
 * with SQL date functions, whose time-zone rules differ between H2 and PostgreSQL.
 * <p>
 * A procedure counts as tried in a session when the last mark of one of its steps there is worked,
 * did not work or skipped (a mark taken back to "not tried" does not count), and as worked when that
 * session is resolved: the same rule the session replay gives, without reading sessions whole.
 */
final class StatisticsSql {

    /** The longest range, in days, one query adds up (about ten years). */
    static final int MAX_DAYS = 3700;

    private StatisticsSql() {
    }

    static SessionStatistics statistics(Connection c, LocalDate from, LocalDate to, ZoneId zone,
            SessionStatistics.Period period) throws SQLException {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(period, "period");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new IllegalArgumentException("a range of at most " + MAX_DAYS + " days, not " + from + " to " + to);
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<LocalDate> periods = new ArrayList<>();
        for (LocalDate d = periodOf(from, period); !d.isAfter(to); d = next(d, period)) {
            periods.add(d);
        }
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            index.put(periods.get(i), i);
        }

        Map<String, int[]> causes = new HashMap<>();
        Map<String, Integer> providers = new HashMap<>();
        int sessions = 0;
        int resolved = 0;
        try (PreparedStatement s = c.prepareStatement("select opened_at, provider_id, top_cause, status"
                + " from rb_session where opened_at >= ? and opened_at < ?")) {
            s.setObject(1, Times.sql(start));
            s.setObject(2, Times.sql(end));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sessions++;
                    LocalDate day = Times.read(rs, "opened_at").atZone(zone).toLocalDate();
                    int slot = index.get(periodOf(day, period));
                    causes.computeIfAbsent(rs.getString("top_cause"), k -> new int[periods.size()])[slot]++;
                    providers.merge(rs.getString("provider_id"), 1, Integer::sum);
                    if (SessionStatus.RESOLVED.id().equals(rs.getString("status"))) {
                        resolved++;
                    }
                }
            }
        }
        List<SessionStatistics.CauseSeries> causeList = new ArrayList<>();
        causes.forEach((cause, counts) -> {
            List<Integer> per = new ArrayList<>(counts.length);
            int total = 0;
            for (int n : counts) {
                per.add(n);
                total += n;
            }
            causeList.add(new SessionStatistics.CauseSeries(cause, total, per));
        });
        causeList.sort(Comparator.comparingInt(SessionStatistics.CauseSeries::total).reversed()
                .thenComparing(SessionStatistics.CauseSeries::cause));
        List<SessionStatistics.Count> providerList = new ArrayList<>();
        providers.forEach((p, n) -> providerList.add(new SessionStatistics.Count(p, n)));
        providerList.sort(Comparator.comparingInt(SessionStatistics.Count::sessions).reversed()
                .thenComparing(SessionStatistics.Count::key));

        List<ProcedureOutcome> procedures;
        try (PreparedStatement s = c.prepareStatement("select e.session_id, e.payload, s.status from rb_session s"
                + " join rb_event e on e.session_id = s.id where s.opened_at >= ? and s.opened_at < ? and e.kind = ?"
                + " order by e.session_id, e.seq")) {
            s.setObject(1, Times.sql(start));
            s.setObject(2, Times.sql(end));
            s.setString(3, EventKind.STEP.id());
            procedures = outcomes(s);
        }
        return new SessionStatistics(from, to, zone, period, sessions, resolved, periods, causeList, providerList,
                procedures);
    }

    static ProcedureOutcomes outcomes(Connection c, String providerId, String cause) throws SQLException {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(cause, "cause");
        int sessions;
        try (PreparedStatement s = c.prepareStatement("select count(*) from rb_session_cause d"
                + " join rb_session s on s.id = d.session_id where d.cause = ? and s.provider_id = ?")) {
            s.setString(1, cause);
            s.setString(2, providerId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                sessions = rs.getInt(1);
            }
        }
        List<ProcedureOutcome> procedures;
        try (PreparedStatement s = c.prepareStatement("select e.session_id, e.payload, s.status from rb_session_cause d"
                + " join rb_session s on s.id = d.session_id join rb_event e on e.session_id = s.id"
                + " where d.cause = ? and s.provider_id = ? and e.kind = ? order by e.session_id, e.seq")) {
            s.setString(1, cause);
            s.setString(2, providerId);
            s.setString(3, EventKind.STEP.id());
            procedures = outcomes(s);
        }
        return new ProcedureOutcomes(providerId, cause, sessions, procedures);
    }

    /**
     * Adds up step changes, read in session and then change order (columns session_id, payload,
     * status), into outcomes per procedure.
     */
    private static List<ProcedureOutcome> outcomes(PreparedStatement s) throws SQLException {
        Map<String, int[]> counts = new HashMap<>();
        try (ResultSet rs = s.executeQuery()) {
            String session = null;
            boolean resolved = false;
            // the last state of each step of the current session, by procedure and step
            Map<String, Map<String, String>> last = new LinkedHashMap<>();
            while (rs.next()) {
                String id = rs.getString(1);
                if (!id.equals(session)) {
                    count(last, resolved, counts);
                    last.clear();
                    session = id;
                    resolved = SessionStatus.RESOLVED.id().equals(rs.getString(3));
                }
                JsonObject p = Json.parse(rs.getString(2));
                last.computeIfAbsent(Json.string(p, "procedure"), k -> new HashMap<>()).put(Json.string(p, "step"),
                        Json.string(p, "state"));
            }
            count(last, resolved, counts);
        }
        List<ProcedureOutcome> out = new ArrayList<>();
        counts.forEach((procedure, n) -> out.add(new ProcedureOutcome(procedure, n[0], n[1])));
        out.sort(ProcedureOutcome.MOST_SUCCESSFUL_FIRST);
        return out;
    }

    private static void count(Map<String, Map<String, String>> last, boolean resolved, Map<String, int[]> counts) {
        Set<String> tried = new HashSet<>();
        last.forEach((procedure, steps) -> {
            if (steps.values().stream().anyMatch(state -> !StepState.NOT_TRIED.id().equals(state))) {
                tried.add(procedure);
            }
        });
        for (String procedure : tried) {
            int[] n = counts.computeIfAbsent(procedure, k -> new int[2]);
            n[0]++;
            if (resolved) {
                n[1]++;
            }
        }
    }

    /** @return the first day of the period that holds the day */
    static LocalDate periodOf(LocalDate day, SessionStatistics.Period period) {
        return period == SessionStatistics.Period.WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : day;
    }

    private static LocalDate next(LocalDate start, SessionStatistics.Period period) {
        return period == SessionStatistics.Period.WEEK ? start.plusWeeks(1) : start.plusDays(1);
    }
}
