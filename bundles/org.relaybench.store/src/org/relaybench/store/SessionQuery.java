package org.relaybench.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.relaybench.core.session.SessionStatus;

/**
 * What to look for in the session log; every criterion given must hold. Results come newest first
 * (by the time a session was opened), one page at a time.
 *
 * @param customer the customer's name starts with this, ignoring case
 * @param ticket the ticket reference is this, ignoring case
 * @param provider the latest diagnosis matched this provider id
 * @param cause some diagnosis of the session found this cause code
 * @param status the session's status
 * @param since opened at or after this
 * @param until opened before this
 * @param text every word occurs in the session (customer, ticket, address, error text, hosts,
 *        findings, notes...), ignoring case; a word ending in {@code *} matches words starting with it
 * @param limit the largest page, 1 to 1000
 * @param offset how many matching sessions to skip
 * @since 0.1
 */
public record SessionQuery(Optional<String> customer, Optional<String> ticket, Optional<String> provider,
        Optional<String> cause, Optional<SessionStatus> status, Optional<Instant> since, Optional<Instant> until,
        String text, int limit, int offset) {

    /** The largest page a query may ask for. */
    public static final int MAX_LIMIT = 1000;

    public SessionQuery {
        customer = blankToEmpty(customer);
        ticket = blankToEmpty(ticket);
        provider = blankToEmpty(provider);
        cause = blankToEmpty(cause);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        text = text == null ? "" : text.trim();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must lie between 1 and " + MAX_LIMIT + ": " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return Objects.requireNonNull(value).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** @return a query for every session, the newest 50 first */
    public static SessionQuery all() {
        return new SessionQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), "", 50, 0);
    }

    /** @param value customer name prefix @return a copy with that criterion */
    public SessionQuery withCustomer(String value) {
        return new SessionQuery(Optional.ofNullable(value), ticket, provider, cause, status, since, until, text, limit,
                offset);
    }

    /** @param value ticket reference @return a copy with that criterion */
    public SessionQuery withTicket(String value) {
        return new SessionQuery(customer, Optional.ofNullable(value), provider, cause, status, since, until, text, limit,
                offset);
    }

    /** @param value provider id @return a copy with that criterion */
    public SessionQuery withProvider(String value) {
        return new SessionQuery(customer, ticket, Optional.ofNullable(value), cause, status, since, until, text, limit,
                offset);
    }

    /** @param value cause code @return a copy with that criterion */
    public SessionQuery withCause(String value) {
        return new SessionQuery(customer, ticket, provider, Optional.ofNullable(value), status, since, until, text, limit,
                offset);
    }

    /** @param value status @return a copy with that criterion */
    public SessionQuery withStatus(SessionStatus value) {
        return new SessionQuery(customer, ticket, provider, cause, Optional.ofNullable(value), since, until, text, limit,
                offset);
    }

    /** @param value earliest opening time, inclusive @return a copy with that criterion */
    public SessionQuery withSince(Instant value) {
        return new SessionQuery(customer, ticket, provider, cause, status, Optional.ofNullable(value), until, text, limit,
                offset);
    }

    /** @param value latest opening time, exclusive @return a copy with that criterion */
    public SessionQuery withUntil(Instant value) {
        return new SessionQuery(customer, ticket, provider, cause, status, since, Optional.ofNullable(value), text, limit,
                offset);
    }

    /** @param value words that must all occur @return a copy with that criterion */
    public SessionQuery withText(String value) {
        return new SessionQuery(customer, ticket, provider, cause, status, since, until, value, limit, offset);
    }

    /**
     * @param newLimit the page size
     * @param newOffset how many to skip
     * @return a copy asking for that page
     */
    public SessionQuery page(int newLimit, int newOffset) {
        return new SessionQuery(customer, ticket, provider, cause, status, since, until, text, newLimit, newOffset);
    }
}
