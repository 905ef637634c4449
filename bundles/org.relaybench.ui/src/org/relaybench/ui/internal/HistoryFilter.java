package org.relaybench.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.relaybench.core.session.SessionStatus;
import org.relaybench.store.SessionQuery;

/**
 * The Session History's filter box as a query: {@code customer:}, {@code ticket:}, {@code provider:},
 * {@code cause:} and {@code status:} narrow by field; every other word must occur in the session, and
 * the word being typed matches as a prefix, so that the list narrows as the agent types.
 */
final class HistoryFilter {

    private HistoryFilter() {
    }

    /**
     * @param filter the filter box
     * @param limit the page size
     * @return the query
     */
    static SessionQuery parse(String filter, int limit) {
        SessionQuery q = SessionQuery.all().page(limit, 0);
        List<String> words = new ArrayList<>();
        for (String token : filter.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            int colon = token.indexOf(':');
            String key = colon > 0 ? token.substring(0, colon).toLowerCase(Locale.ROOT) : "";
            String value = colon > 0 ? token.substring(colon + 1) : token;
            switch (key) {
            case "customer" -> q = q.withCustomer(value);
            case "ticket" -> q = q.withTicket(value);
            case "provider" -> q = q.withProvider(value);
            case "cause" -> q = q.withCause(value);
            case "status" -> q = SessionStatus.parse(value).map(q::withStatus).orElse(q);
            default -> words.add(token);
            }
        }
        if (!words.isEmpty() && !filter.endsWith(" ")) {
            String last = words.remove(words.size() - 1);
            words.add(last.endsWith("*") ? last : last + "*");
        }
        return q.withText(String.join(" ", words));
    }
}
