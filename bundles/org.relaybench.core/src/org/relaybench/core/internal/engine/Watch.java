package org.relaybench.core.internal.engine;

import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.rules.RuleDescriptor;

/**
 * What a sandbox worker is doing, for its supervisor: which code rule runs since when, and how far
 * through its accounts it is. Written by the worker, read by the supervisor; the fields are volatile
 * and the rule is published before its start time, which is what the supervisor checks first.
 */
final class Watch {

    /** Set by the supervisor when it gives up on the worker; the worker stops at the next account. */
    volatile boolean abandoned;
    /** Index of the account being diagnosed. */
    volatile int index;

    private volatile ProviderDescriptor provider;
    private volatile RuleDescriptor rule;
    private volatile long ruleStart;

    long enter(ProviderDescriptor p, RuleDescriptor r) {
        provider = p;
        rule = r;
        long now = System.nanoTime();
        ruleStart = now;
        return now;
    }

    void exit() {
        ruleStart = 0;
    }

    /** @return nanoseconds the current code rule has been running, or 0 when none runs */
    long running(long now) {
        long start = ruleStart;
        return start == 0 ? 0 : now - start;
    }

    ProviderDescriptor provider() {
        return provider;
    }

    RuleDescriptor rule() {
        return rule;
    }
}
