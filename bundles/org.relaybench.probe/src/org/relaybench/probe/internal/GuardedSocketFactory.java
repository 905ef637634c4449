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
 * deadline even where Jakarta Mail has no timeout (TLS handshakes, a server that trickles). One pair
 * per check (plain for {@code mail.<protocol>.socketFactory}, {@link Tls} for
 * {@code mail.<protocol>.ssl.socketFactory}: Jakarta Mail treats any {@link SSLSocketFactory} as implicit
 * TLS, so the plain one must not be one); {@link #release()} cancels the watchdog's tasks afterwards.
 */
final class GuardedSocketFactory extends SocketFactory {

    private final SocketFactory plain = SocketFactory.getDefault();
    private final Watchdog watchdog;
    private final Deadline deadline;
    private final List<ScheduledFuture<?>> guards = new ArrayList<>();
    private final Tls tls;

    /**
     * @param tls the TLS factory of the trust policy
     * @param watchdog closes the sockets at the deadline
     * @param deadline the check's deadline
     */
    GuardedSocketFactory(SSLSocketFactory tls, Watchdog watchdog, Deadline deadline) {
        this.watchdog = watchdog;
        this.deadline = deadline;
        this.tls = new Tls(tls);
    }

    /** @return the TLS twin, guarding its sockets with the same watchdog and deadline */
    SSLSocketFactory tls() {
        return tls;
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

    @Override
    public Socket createSocket() throws IOException {
        return guard(plain.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return guard(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return guard(plain.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return guard(plain.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return guard(plain.createSocket(address, port, localAddress, localPort));
    }

    /** The TLS factory: implicit TLS sockets and STARTTLS layering, under the same watchdog. */
    private final class Tls extends SSLSocketFactory {
        private final SSLSocketFactory delegate;

        Tls(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public Socket createSocket() throws IOException {
            return guard(delegate.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return guard(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return guard(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return guard(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return guard(delegate.createSocket(address, port, localAddress, localPort));
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return guard(delegate.createSocket(s, host, port, autoClose));
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }
    }
}
