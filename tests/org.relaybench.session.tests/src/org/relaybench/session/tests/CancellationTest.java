package org.relaybench.session.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.relaybench.tests.common.OsgiServices;
import org.relaybench.core.AccountProfile;
import org.relaybench.probe.ProbeRequest;
import org.relaybench.probe.ProbeSettings;
import org.relaybench.probe.TrustPolicy;
import org.relaybench.session.AccountFields;
import org.relaybench.session.DiagnosisRequest;
import org.relaybench.session.ServerFields;
import org.relaybench.session.SupportSessions;

/**
 * A diagnosis with a probe of a server that never answers stops as soon as the agent cancels, long
 * before the probe's own deadline. The silent server is a fault injection: it accepts and says nothing.
 */
class CancellationTest {

    private static final int PORT = 22525;

    @Test
    void cancellingADiagnosisStopsTheProbeAtOnce() throws Exception {
        SupportSessions service = OsgiServices.service(SupportSessions.class);
        try (ServerSocket silent = new ServerSocket(PORT, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // never greets
                    }
                } catch (IOException e) {
                    // the server socket was closed: the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            AccountProfile account = AccountFields.create().email("pat@example.org")
                    .outgoing(ServerFields.create().host("127.0.0.1").port(Integer.toString(PORT)).auth("none"))
                    .check().orElseThrow();
            ProbeSettings slow = new ProbeSettings(ProbeRequest.DEFAULT_TO, Duration.ofSeconds(60), TrustPolicy.jdk(),
                    Optional.empty());
            NullProgressMonitor monitor = new NullProgressMonitor();
            Thread agent = new Thread(() -> {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                monitor.setCanceled(true);
            });
            long start = System.nanoTime();
            agent.start();
            assertThrows(OperationCanceledException.class,
                    () -> service.diagnose(DiagnosisRequest.of(account).withProbe(slow, Optional.empty()), monitor));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 5_000, "cancelled after " + millis + " ms; the probe's own deadline is 60 s");
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void anAlreadyCancelledMonitorRunsNothing() throws Exception {
        NullProgressMonitor monitor = new NullProgressMonitor();
        monitor.setCanceled(true);
        AccountProfile account = AccountFields.create().email("pat@example.org").check().orElseThrow();
        assertThrows(OperationCanceledException.class, () -> OsgiServices.service(SupportSessions.class)
                .diagnose(DiagnosisRequest.of(account).withProbe(ProbeSettings.DEFAULTS, Optional.empty()), monitor));
    }
}
