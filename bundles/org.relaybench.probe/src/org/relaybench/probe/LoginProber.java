package org.relaybench.probe;

/**
 * Checks a user name and password against an incoming server (IMAP or POP3) with Jakarta Mail, to
 * tell "the password itself is wrong" from "only the outgoing server lacks it" (an OSGi service;
 * thread-safe). The check logs in and out; it reads no mail.
 *
 * @since 0.1
 * @noimplement This interface is not intended to be implemented by clients.
 */
public interface LoginProber {

    /**
     * @param request what to check
     * @return the outcome; failures are in the report, never thrown
     */
    LoginReport check(LoginRequest request);
}
