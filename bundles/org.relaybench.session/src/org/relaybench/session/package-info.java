/**
 * The support-session service every face of Relaybench uses (command line, workbench, batch):
 * building and validating an account from the fields a person or a file gives, diagnosing it with
 * optional live-probe and DNS evidence, logging the support session (opened together with its first
 * diagnosis in one transaction), recording what the agent did, and exporting it.
 * <p>
 * Entry points: {@link org.relaybench.session.SupportSessions}, an OSGi service, and the value
 * classes {@link org.relaybench.session.AccountFields} and {@link org.relaybench.session.AccountJson}.
 * The rules of this API are in {@code docs/API.md}.
 *
 * @since 0.1
 */
package org.relaybench.session;
