package org.example.relaybench.provider.internal;

import java.util.List;
import java.util.Optional;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.Severity;
import org.relaybench.core.rules.DiagnosisRule;
import org.relaybench.core.rules.RuleContext;

/**
 * Example Net sends mail only as the addresses of the login: an outgoing user name that is another
 * full address (a family member's, an old one) authenticates, but the server then refuses the sender.
 * Declarative conditions cannot compare two fields, so this is a code rule. Stateless: Relaybench
 * shares one instance between threads.
 */
public final class SenderAliasRule implements DiagnosisRule {

    /** The cause code, prefixed with the provider id as provider-specific codes must be. */
    static final String CAUSE = "examplenet.sender-alias";

    @Override
    public List<Finding> evaluate(RuleContext context) {
        AccountProfile account = context.account();
        Optional<String> user = account.primaryOutgoing().flatMap(ServerSettings::username);
        if (user.isEmpty() || !user.get().contains("@") || user.get().equalsIgnoreCase(account.email())) {
            return List.of();
        }
        return List.of(context.finding(CAUSE, Severity.WARNING, 0.6,
                "The outgoing user name is another address; Example Net sends only as the login's own addresses",
                Optional.empty(), List.of(new Evidence(Evidence.Kind.SETTING, "smtp.username", user.get()))));
    }
}
