package org.relaybench.providers.imap.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.Finding;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.rules.DiagnosisRule;
import org.relaybench.core.rules.RuleContext;

/**
 * Compares the account's primary outgoing server with what Thunderbird's ISPDB says about the
 * account's domain: host, port, TLS mode for that port, and the form of the user name. Findings
 * point at the procedure {@value #PROCEDURE}. Domains the ISPDB does not list, and accounts without a
 * configured outgoing server, give no findings.
 * <p>
 * Stateless: the only shared state is the {@link IspdbDirectory}'s index, which it reads without
 * waiting (see there for when the folder is checked). Created by the extension registry through the
 * public no-argument constructor.
 */
public final class IspdbRule implements DiagnosisRule {

    /** The procedure the findings point at. */
    public static final String PROCEDURE = "submission-settings";

    private final IspdbDirectory directory;

    /** Creates the rule on the {@linkplain IspdbDirectory#shared() configured ISPDB folder}. */
    public IspdbRule() {
        this(IspdbDirectory.shared());
    }

    /** @param directory the ISPDB folder to consult */
    public IspdbRule(IspdbDirectory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public List<Finding> evaluate(RuleContext context) {
        AccountProfile account = context.account();
        Optional<ServerSettings> configured = account.primaryOutgoing();
        if (configured.isEmpty() || account.domain().isEmpty()) {
            return List.of();
        }
        Optional<IspdbConfig> config = directory.lookup(account.domain());
        if (config.isEmpty() || config.get().smtp().isEmpty()) {
            return List.of();
        }
        return new SubmissionCheck(context, config.get(), configured.get()).findings();
    }
}
