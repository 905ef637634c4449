package org.relaybench.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.store.NewSession;
import org.relaybench.store.SessionPage;
import org.relaybench.store.SessionQuery;
import org.relaybench.store.SessionStore;
import org.relaybench.store.SessionStores;
import org.relaybench.store.SessionSummary;
import org.relaybench.tests.common.db.Backend;

/**
 * Search over a known set of 60 sessions, one opened every hour from {@link #T0}: session i has
 * customer "Customer i%10", ticket "TK-i", provider aol (even) or gmail (odd), causes
 * smtp-auth-missing then wrong-smtp-port (i%3==0) or wrong-smtp-port alone, and every fifth is
 * resolved. Subclassed per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SearchContract {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final int N = 60;

    private SessionStore store;
    private final List<String> ids = new ArrayList<>();

    abstract Backend backend();

    @BeforeAll
    void populate() throws Exception {
        store = SessionStores.open(backend().freshStore("search"));
        for (int i = 0; i < N; i++) {
            String id = store.open(new NewSession("agent" + (i % 2), "Customer " + (i % 10), "TK-" + i,
                    Samples.account("user" + i + "@" + (i % 2 == 0 ? "aol.com" : "gmail.com")),
                    T0.plus(Duration.ofHours(i))));
            String[] causes = i % 3 == 0 ? new String[] { "smtp-auth-missing", "wrong-smtp-port" }
                    : new String[] { "wrong-smtp-port" };
            store.recordDiagnosis(id, "agent", Samples.diagnosis(i % 2 == 0 ? "aol" : "gmail", causes));
            if (i % 5 == 0) {
                store.setStatus(id, "agent", SessionStatus.RESOLVED, "fixed on call " + i);
            }
            if (i == 42) {
                store.addNote(id, "agent", "Customer's nephew set up the Thunderbird profile");
            }
            ids.add(id);
        }
        store.open(new NewSession("agent", "100%_sure Ltd", "odd", Samples.account("odd@aol.com"),
                T0.minus(Duration.ofDays(30))));
    }

    @AfterAll
    void close() {
        store.close();
    }

    private List<String> find(SessionQuery q) {
        return store.search(q).sessions().stream().map(SessionSummary::id).toList();
    }

    private List<String> expected(java.util.function.IntPredicate which) {
        List<String> out = new ArrayList<>();
        for (int i = N - 1; i >= 0; i--) {
            if (which.test(i)) {
                out.add(ids.get(i));
            }
        }
        return out;
    }

    @Test
    void newestFirstWithPages() {
        SessionPage first = store.search(SessionQuery.all().page(25, 0));
        assertEquals(expected(i -> i >= N - 25), first.sessions().stream().map(SessionSummary::id).toList());
        assertTrue(first.more());
        SessionPage last = store.search(SessionQuery.all().page(25, 50));
        assertEquals(11, last.sessions().size(), "10 sessions and the odd one");
        assertFalse(last.more());
        assertEquals(50, last.offset());
    }

    @Test
    void byCustomerPrefixIgnoringCase() {
        assertEquals(expected(i -> i % 10 == 3), find(SessionQuery.all().withCustomer("customer 3")));
        assertEquals(N, find(SessionQuery.all().withCustomer("CUSTOMER").page(100, 0)).size());
        assertEquals(1, find(SessionQuery.all().withCustomer("100%_")).size(), "LIKE wildcards are literal");
        assertEquals(0, find(SessionQuery.all().withCustomer("10_%")).size());
    }

    @Test
    void byTicketIgnoringCase() {
        assertEquals(List.of(ids.get(17)), find(SessionQuery.all().withTicket("tk-17")));
        assertEquals(List.of(ids.get(1)), find(SessionQuery.all().withTicket("TK-1")));
    }

    @Test
    void byProviderCauseAndStatus() {
        assertEquals(expected(i -> i % 2 == 1), find(SessionQuery.all().withProvider("gmail").page(100, 0)));
        assertEquals(expected(i -> i % 3 == 0), find(SessionQuery.all().withCause("smtp-auth-missing").page(100, 0)));
        assertEquals(expected(i -> i % 5 == 0), find(SessionQuery.all().withStatus(SessionStatus.RESOLVED)));
        assertEquals(expected(i -> i % 2 == 0 && i % 3 == 0 && i % 5 != 0), find(SessionQuery.all().withProvider("aol")
                .withCause("smtp-auth-missing").withStatus(SessionStatus.OPEN)));
        assertEquals(expected(i -> true), find(SessionQuery.all().withCause("wrong-smtp-port").page(100, 0)),
                "a cause found by any diagnosis counts, not only the top one");
    }

    @Test
    void byDateRange() {
        Instant since = T0.plus(Duration.ofHours(10));
        Instant until = T0.plus(Duration.ofHours(20));
        assertEquals(expected(i -> i >= 10 && i < 20), find(SessionQuery.all().withSince(since).withUntil(until)));
        assertEquals(expected(i -> i >= 10 && i < 20 && i % 2 == 1),
                find(SessionQuery.all().withProvider("gmail").withSince(since).withUntil(until)));
        assertEquals(expected(i -> i >= 10 && i < 20 && i % 3 == 0),
                find(SessionQuery.all().withCause("smtp-auth-missing").withSince(since).withUntil(until)));
    }

    @Test
    void byFreeText() {
        assertEquals(List.of(ids.get(42)), find(SessionQuery.all().withText("thunderbird nephew")));
        assertEquals(List.of(ids.get(42)), find(SessionQuery.all().withText("THUNDERB* Nephew")));
        assertEquals(List.of(ids.get(42)), find(SessionQuery.all().withText("a customer's nephew")),
                "words too short for the index (a, s) are not asked for");
        assertEquals(List.of(ids.get(7)), find(SessionQuery.all().withText("user7@gmail.com")));
        assertEquals(expected(i -> i % 2 == 1), find(SessionQuery.all().withText("gmail").page(100, 0)));
        assertEquals(expected(i -> i % 5 == 0 && i % 2 == 1), find(SessionQuery.all().withText("fixed gmail")));
        assertEquals(expected(i -> i % 5 == 0 && i % 3 == 0), find(SessionQuery.all().withText("fixed")
                .withCause("smtp-auth-missing")));
        assertEquals(N, find(SessionQuery.all().withText("relaying").page(100, 0)).size() - 1, "the odd one too");
        assertTrue(find(SessionQuery.all().withText("nosuchword")).isEmpty());
        assertEquals(List.of(ids.get(25)), find(SessionQuery.all().withText("relaying").withTicket("tk-25")));
    }

    @Test
    void summariesCarryTheLatestDiagnosis() {
        SessionSummary s = store.search(SessionQuery.all().withTicket("TK-9")).sessions().get(0);
        assertEquals("gmail", s.provider());
        assertEquals("smtp-auth-missing", s.cause());
        assertEquals(1, s.diagnoses());
        assertEquals("user9@gmail.com", s.email());
        assertEquals("Customer 9", s.customer());
        assertEquals(T0.plus(Duration.ofHours(9)), s.opened());
    }
}
