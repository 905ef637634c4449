/**
 * Live checks of a customer's real servers, safely: an SMTP probe that never sends a message
 * ({@link org.relaybench.probe.SmtpProber}), a login check of the incoming server
 * ({@link org.relaybench.probe.LoginProber}), DNS ({@link org.relaybench.probe.MailDns}), all of them
 * for one account at once ({@link org.relaybench.probe.AccountProber}), and the conversion of what
 * they saw into evidence for the diagnosis engine ({@link org.relaybench.probe.ProbeEvidence}).
 *
 * <p>Rules of this API: every check ends in bounded time (a deadline per stage and one for the whole
 * check) and reports failures as values with a stable cause code, never as exceptions; passwords
 * travel only as {@link org.relaybench.probe.Secret} and appear in no report, transcript or message.
 */
package org.relaybench.probe;
