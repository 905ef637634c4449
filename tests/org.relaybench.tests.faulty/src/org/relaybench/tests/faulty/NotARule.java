package org.relaybench.tests.faulty;

/** Named as a rule's class, but does not implement DiagnosisRule. */
public final class NotARule {
}
