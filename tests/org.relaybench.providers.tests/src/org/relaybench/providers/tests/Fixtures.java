package org.relaybench.providers.tests;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.rules.RuleContext;
import org.relaybench.core.rules.RuleDescriptor;
import org.relaybench.tests.common.OsgiServices;

/** Shared test helpers: the ISPDB sample files, the catalog service and rule contexts. */
final class Fixtures {

    static final String IMAP = "imap";
    static final String IMAP_BUNDLE = "org.relaybench.providers.imap";

    private Fixtures() {
    }

    /** @return the folder of the shared ISPDB sample files, as a file system path */
    static Path ispdbFolder() throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(Fixtures.class);
        URL entry = bundle.getEntry("data/ispdb/");
        if (entry == null) {
            throw new AssertionError("data/ispdb/ is missing from " + bundle.getSymbolicName());
        }
        return Path.of(FileLocator.toFileURL(entry).getPath());
    }

    static Path ispdbFile(String name) throws IOException {
        return ispdbFolder().resolve(name);
    }

    static ProviderCatalog catalog() throws InterruptedException {
        return OsgiServices.service(ProviderCatalog.class);
    }

    /** @return the generic provider as the catalog read it from plugin.xml */
    static ProviderDescriptor imapProvider() throws InterruptedException {
        ProviderCatalog.Snapshot snapshot = catalog().snapshot();
        return snapshot.provider(IMAP).orElseThrow(
                () -> new AssertionError("provider imap is not in the catalog; problems: " + snapshot.problems()));
    }

    static RuleDescriptor rule(ProviderDescriptor provider, String id) {
        return provider.rules().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no rule " + id + " in " + provider.id()));
    }

    /** A rule context as the diagnosis engine would give it: the account, the provider, the running rule. */
    static RuleContext context(AccountProfile account, ProviderDescriptor provider, RuleDescriptor rule) {
        return new RuleContext() {
            @Override
            public AccountProfile account() {
                return account;
            }

            @Override
            public ProviderDescriptor provider() {
                return provider;
            }

            @Override
            public RuleDescriptor rule() {
                return rule;
            }
        };
    }
}
