package org.relaybench.session;

/**
 * Who opens a support session, and for whom. A session needs a customer or a ticket to be found
 * again.
 *
 * @param agent who opens it; empty when not known
 * @param customer the customer's name or reference
 * @param ticket the ticket reference
 * @since 0.1
 */
public record SessionOpening(String agent, String customer, String ticket) {

    public SessionOpening {
        agent = agent == null ? "" : agent.trim();
        customer = customer == null ? "" : customer.trim();
        ticket = ticket == null ? "" : ticket.trim();
        if (customer.isEmpty() && ticket.isEmpty()) {
            throw new IllegalArgumentException("a session needs a customer or a ticket");
        }
    }
}
