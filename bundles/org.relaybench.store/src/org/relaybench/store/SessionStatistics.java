package org.relaybench.store;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What the sessions opened in a date range add up to, for charts: the most likely cause of each
 * session per period, the providers, and how often each fix procedure worked. Computed by the store
 * from its summary rows and logged step outcomes ({@link SessionStore#statistics}).
 *
 * @param from the first day counted, in {@code zone}
 * @param to the last day counted, in {@code zone}
 * @param zone the time zone whose days the periods are
 * @param period one day or one week (from Monday) per period
 * @param sessions how many sessions were opened in the range
 * @param resolved how many of them are resolved
 * @param periods the first day of each period, oldest first, every period of the range (also those
 *        without sessions)
 * @param causes each most likely cause ({@code ""} for sessions without a finding or not yet
 *        diagnosed) with its count per period, aligned with {@code periods}; most frequent first
 * @param providers each provider ({@code ""} for none yet) with its sessions; most frequent first
 * @param procedures each procedure with a marked step, with how many sessions tried it and how many
 *        of those were resolved; most often worked first
 * @since 0.3
 */
public record SessionStatistics(LocalDate from, LocalDate to, ZoneId zone, Period period, int sessions, int resolved,
        List<LocalDate> periods, List<CauseSeries> causes, List<Count> providers, List<ProcedureOutcome> procedures) {

    /** How long one period of the causes over time is. */
    public enum Period {
        /** One calendar day. */
        DAY,
        /** One week, Monday to Sunday. */
        WEEK
    }

    /**
     * @param key what was counted (a provider id)
     * @param sessions how many sessions
     */
    public record Count(String key, int sessions) {
        public Count {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * @param cause the cause code, {@code ""} for none
     * @param total sessions over the whole range
     * @param perPeriod sessions per period, aligned with {@link SessionStatistics#periods()}
     */
    public record CauseSeries(String cause, int total, List<Integer> perPeriod) {
        public CauseSeries {
            Objects.requireNonNull(cause, "cause");
            perPeriod = List.copyOf(perPeriod);
        }
    }

    public SessionStatistics {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(period, "period");
        periods = List.copyOf(periods);
        causes = List.copyOf(causes);
        providers = List.copyOf(providers);
        procedures = List.copyOf(procedures);
    }
}
