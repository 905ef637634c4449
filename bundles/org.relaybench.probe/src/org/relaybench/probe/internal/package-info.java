/**
 * Implementation of the probes; not API.
 *
 * <p><b>Why the SMTP dialogue is not Jakarta Mail's {@code SMTPTransport}.</b> A probe must end in
 * bounded time with the right cause whatever the server does: trickle a byte a second, never greet,
 * send garbage or an endless line, drop TLS mid-handshake. {@code SMTPTransport} reads replies through
 * an unbounded line reader whose only limit is a per-read socket timeout, which a trickling server
 * resets with every byte, and an endless line grows in memory; its errors do not tell a garbled
 * greeting (not SMTP) from a broken reply later (protocol violation). Wrapping it in a watchdog would
 * bound the time but still lose the cause. So {@link org.relaybench.probe.internal.SmtpDialogue} is a
 * small client of its own on a plain socket: {@link org.relaybench.probe.internal.ReplyReader} caps
 * every line and reply and checks the stage's deadline after every read, and
 * {@link org.relaybench.probe.internal.Watchdog} closes the socket at the probe's deadline as a
 * backstop for connect, handshakes and writes. It speaks only what a probe needs: EHLO/HELO, STARTTLS,
 * AUTH PLAIN/LOGIN/CRAM-MD5, MAIL, RCPT, RSET, QUIT; never DATA.
 *
 * <p>Jakarta Mail (Eclipse Angus) is used where it fits: the IMAP and POP3 login checks
 * ({@link org.relaybench.probe.internal.LoginProberImpl}), whose servers are the customer's own and
 * where a login either works or does not; its sockets are still put under the watchdog.
 */
package org.relaybench.probe.internal;
