package org.relaybench.probe.internal;

import java.util.Objects;
import java.util.concurrent.ExecutorService;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.relaybench.probe.ProbeReport;
import org.relaybench.probe.ProbeRequest;
import org.relaybench.probe.SmtpProber;

/**
 * The SMTP prober service. Each probe runs on the caller's thread; the component shares only what is
 * thread-safe: the TLS contexts (so repeated probes resume sessions), the watchdog's one timer thread
 * and the pool for name lookups.
 *
 * <p>The dialogue is a small SMTP client of its own on a plain {@link java.net.Socket} rather than
 * Jakarta Mail's {@code SMTPTransport}: the transport reads lines without a length cap and with a
 * per-read timeout only, so a server that trickles a byte a second or sends an endless line would
 * hold it for ever, and it cannot tell a garbled greeting from a broken reply. See package-info.
 */
@Component(service = SmtpProber.class)
public final class SmtpProberImpl implements SmtpProber, AutoCloseable {

    private final TlsSupport tls = new TlsSupport();
    private final Watchdog watchdog = new Watchdog("relaybench-smtp-watchdog");
    private final ExecutorService lookups = Pools.blocking("relaybench-smtp-lookup");

    @Override
    public ProbeReport probe(ProbeRequest request) {
        Objects.requireNonNull(request, "request");
        return new SmtpDialogue(request, tls, watchdog, lookups).run();
    }

    /** Stops the timer and the lookup threads. */
    @Deactivate
    @Override
    public void close() {
        watchdog.close();
        lookups.shutdownNow();
    }
}
