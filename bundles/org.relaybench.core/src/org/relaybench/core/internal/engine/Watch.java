package org.relaybench.core.internal.engine;

import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.rules.RuleDescriptor;

/**
 * What a sandbox worker is doing, for its supervisor: which code rule it creates or runs since when,
 * and how far through its accounts it is. Written by the worker, read by the supervisor; the fields
 * are volatile and the rule and phase are published before its start time, which is what the
 * supervisor checks first.
 */
final class Watch {

    /** What a worker does with contributed code. */
    enum Phase {
        /** Loading and instantiating the rule's class: static initialiser and constructor. */
        CREATE,
        /** Calling the rule. */
        EVALUATE
    }

    /** Set by the supervisor when it gives up on the worker; the worker stops at the next account. */
    volatile boolean abandoned;
    /** Index of the account being diagnosed. */
    volatile int index;

    /** The {@link Sandbox} run this worker belongs to: one diagnosis call, however many workers. */
    final Object run;

    private final boolean[] late;
    private volatile ProviderDescriptor provider;
    private volatile RuleDescriptor rule;
    private volatile Phase phase;
    private volatile long ruleStart;

    /**
     * @param run the run, the same for every worker of one call
     * @param late by account index, whether that account's diagnosis overran its deadline before and is
     *        to be diagnosed without contributed code; written by the supervisor before it starts the
     *        worker, read-only afterwards
     */
    Watch(Object run, boolean[] late) {
        this.run = run;
        this.late = late;
    }

    /** @return whether the account at the index is diagnosed again, after its deadline passed */
    boolean late(int accountIndex) {
        return late[accountIndex];
    }

    long enter(ProviderDescriptor p, RuleDescriptor r, Phase ph) {
        provider = p;
        rule = r;
        phase = ph;
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

    Phase phase() {
        return phase;
    }

    /** @return whether the worker is in contributed code now */
    boolean inRule() {
        return ruleStart != 0;
    }
}
