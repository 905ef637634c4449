package org.relaybench.session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.relaybench.core.AccountProfile;

/**
 * The outcome of building an account from its fields: the account when every field is valid, and
 * every problem found otherwise (all of them, so that a form can mark each field at once).
 *
 * @param account the account, present exactly when there are no problems
 * @param mx the MX hosts given with the account, lower case
 * @param problems what is wrong, in field order
 * @since 0.1
 */
public record AccountCheck(Optional<AccountProfile> account, List<String> mx, List<FieldProblem> problems) {

    public AccountCheck {
        Objects.requireNonNull(account, "account");
        mx = List.copyOf(mx);
        problems = List.copyOf(problems);
        if (account.isPresent() != problems.isEmpty()) {
            throw new IllegalArgumentException("an account check has an account exactly when it has no problems");
        }
    }

    /** @return whether the account is valid */
    public boolean ok() {
        return problems.isEmpty();
    }

    /**
     * @param field a field
     * @return the problems of that field
     */
    public List<FieldProblem> problems(AccountField field) {
        return problems.stream().filter(p -> p.field() == field).toList();
    }

    /**
     * @return the account
     * @throws IllegalStateException naming the first problem when the account is not valid
     */
    public AccountProfile orElseThrow() {
        return account.orElseThrow(() -> new IllegalStateException(problems.get(0).asOption()));
    }
}
