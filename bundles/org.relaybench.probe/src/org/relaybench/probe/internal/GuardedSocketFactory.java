package org.relaybench.probe.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Hands Jakarta Mail its sockets and puts each under the watchdog, so that a login check ends at its
 * deadline even where Jakarta Mail has no timeout (TLS handshakes, a server that trickles). One
 * instance per check; {@link #release()} cancels the watchdog's tasks afterwards. The SSL variant
 * layers TLS with the probe's trust policy (STARTTLS, implicit TLS).
 */
final class GuardedSocketFactory extends SSLSocketFactory {

    private final SocketFactory plain;
    private final SSLSocketFactory tls;
    private final boolean secure;
    private final Watchdog watchdog;
    private final Deadline deadline;
    private final List<ScheduledFuture<?>> guards = new ArrayList<>();

    /**
     * @param tls the TLS factory of the trust policy
     * @param secure whether new unconnected sockets are TLS sockets (implicit TLS)
     */
    GuardedSocketFactory(SSLSocketFactory tls, boolean secure, Watchdog watchdog, Deadline deadline) {
        this.plain = SocketFactory.getDefault();
        this.tls = tls;
        this.secure = secure;
        this.watchdog = watchdog;
        this.deadline = deadline;
    }

    private synchronized Socket guard(Socket s) {
        guards.add(watchdog.closeAt(s, deadline));
        return s;
    }

    /** Cancels the watchdog's tasks for this check's sockets. */
    synchronized void release() {
        guards.forEach(g -> g.cancel(false));
        guards.clear();
    }

    private SocketFactory base() {
        return secure ? tls : plain;
    }

    @Override
    public Socket createSocket() throws IOException {
        return guard(base().createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return guard(base().createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return guard(base().createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return guard(base().createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return guard(base().createSocket(address, port, localAddress, localPort));
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
        return guard(tls.createSocket(s, host, port, autoClose));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return tls.getSupportedCipherSuites();
    }
}
