package org.relaybench.probe;

/**
 * Probes a real SMTP server without sending a message (an OSGi service; thread-safe). Every stage
 * and the whole probe have deadlines, so a probe ends in bounded time whatever the server does.
 *
 * @since 0.1
 * @noimplement This interface is not intended to be implemented by clients.
 */
public interface SmtpProber {

    /**
     * @param request what to probe
     * @return what the probe saw; failures are in the report, never thrown
     */
    ProbeReport probe(ProbeRequest request);
}
