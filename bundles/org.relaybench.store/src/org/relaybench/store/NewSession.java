package org.relaybench.store;

import java.time.Instant;
import java.util.Objects;

import org.relaybench.core.AccountProfile;

/**
 * What it takes to open a support session.
 *
 * @param agent who opens it
 * @param customer the customer's name or reference
 * @param ticket the ticket reference, may be empty
 * @param account the account as configured, with the error text the customer sees
 * @param at when it is opened
 * @since 0.1
 */
public record NewSession(String agent, String customer, String ticket, AccountProfile account, Instant at) {

    public NewSession {
        agent = agent == null ? "" : agent.trim();
        customer = customer == null ? "" : customer.trim();
        ticket = ticket == null ? "" : ticket.trim();
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(at, "at");
    }

    /**
     * @param agent who opens it
     * @param customer for whom
     * @param ticket the ticket reference, may be empty
     * @param account the account as configured
     * @return a session opened now
     */
    public static NewSession now(String agent, String customer, String ticket, AccountProfile account) {
        return new NewSession(agent, customer, ticket, account, Instant.now());
    }
}
