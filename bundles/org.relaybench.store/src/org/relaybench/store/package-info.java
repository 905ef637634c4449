/**
 * The session log of Relaybench: every support session, its diagnoses, probes, fix procedure walk
 * and notes, kept in a JDBC database as an append-only trail of changes.
 * <p>
 * The rules of this API, in short:
 * <ul>
 * <li>A store is named by a JDBC URL: {@code jdbc:h2:...} for the embedded database (the default,
 * in the workspace), {@code jdbc:postgresql://...} for one log shared by a support center. Open it
 * with {@link org.relaybench.store.SessionStoreFactory} (an OSGi service) or, outside OSGi, with
 * {@link org.relaybench.store.SessionStores#open(String)}.</li>
 * <li>Every change is one transaction and is appended, never overwritten: the latest state of a
 * session is computed from its changes, and every change is kept as an
 * {@link org.relaybench.core.session.AuditEntry}.</li>
 * <li>Values are the immutable records of {@code org.relaybench.core.session}. None of them can hold
 * a password, and the store adds none; passwords the agent asks to keep go to Eclipse secure
 * storage through {@link org.relaybench.store.RememberedPasswords}.</li>
 * <li>Times are kept to the millisecond.</li>
 * </ul>
 *
 * @since 0.1
 */
package org.relaybench.store;
