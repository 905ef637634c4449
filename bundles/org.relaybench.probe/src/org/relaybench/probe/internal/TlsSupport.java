package org.relaybench.probe.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

import org.relaybench.core.CauseCode;
import org.relaybench.probe.TlsInfo;
import org.relaybench.probe.TrustPolicy;

/**
 * TLS for probes. One {@link SSLContext} per trust policy is kept, so repeated probes resume TLS
 * sessions. Its trust manager checks the chain against the policy's anchors and the certificate
 * against the host name, and records the problem per socket: with {@code --insecure} the handshake
 * goes on and the report still says what is wrong; otherwise the handshake fails and the probe says
 * why, so credentials never go to a server whose certificate does not fit. Thread-safe.
 */
public final class TlsSupport {

    private final Map<TrustPolicy, Context> contexts = new ConcurrentHashMap<>();

    /** A context and its recording trust manager. */
    private record Context(SSLSocketFactory factory, Recorder recorder) {
    }

    /** The result of a handshake. */
    public record Secured(SSLSocket socket, TlsInfo info) {
    }

    /**
     * Sets up TLS over a connected socket (implicit TLS or after STARTTLS).
     *
     * @param plain the connected socket
     * @param host the host name the client asked for
     * @param port its port
     * @param policy which certificates to trust
     * @param deadline when the handshake must be done
     * @param afterStarttls whether the server agreed to STARTTLS on this connection: then bytes that are
     *            not TLS are a broken server or a middlebox ({@code tls-handshake-failed}), not a TLS mode
     *            that does not fit the port ({@code wrong-security}, for implicit TLS only)
     * @return the secured socket and what it showed
     * @throws ProbeFailure when the handshake fails or the certificate is not acceptable
     */
    public Secured secure(Socket plain, String host, int port, TrustPolicy policy, Deadline deadline,
            boolean afterStarttls) throws ProbeFailure {
        Context context = context(policy);
        SSLSocket socket;
        try {
            socket = (SSLSocket) context.factory().createSocket(plain, host, port, true);
        } catch (IOException e) {
            throw new ProbeFailure(CauseCode.TLS_HANDSHAKE_FAILED, "cannot start TLS: " + e.getMessage(), false);
        }
        try {
            SSLParameters parameters = socket.getSSLParameters();
            if (!Certificates.isIpLiteral(host)) {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            }
            socket.setSSLParameters(parameters);
            socket.setUseClientMode(true);
            socket.setSoTimeout(deadline.millisLeft());
            socket.startHandshake(); // bounded by the socket timeout per read and by the watchdog overall
        } catch (IOException e) {
            Optional<String> problem = context.recorder().take(socket);
            if (problem.isPresent()) {
                throw new ProbeFailure(CauseCode.TLS_CERTIFICATE_INVALID,
                        "the server's certificate is not trusted: " + problem.get(), false);
            }
            String message = String.valueOf(e.getMessage());
            boolean notTls = message.contains("plaintext") || message.contains("Unsupported or unrecognized SSL message");
            if (notTls && afterStarttls) {
                throw new ProbeFailure(CauseCode.TLS_HANDSHAKE_FAILED,
                        "the server agreed to STARTTLS but then answered the TLS handshake with bytes that are not TLS"
                                + " (a broken server, or a middlebox between the device and the server)",
                        false);
            }
            if (notTls) {
                throw new ProbeFailure(CauseCode.WRONG_SECURITY,
                        "the server answered in plain text where TLS was expected: use STARTTLS or no TLS on this port",
                        false);
            }
            String why = deadline.passed() ? "it did not complete before the deadline"
                    : e instanceof SSLException ? message : e.getClass().getSimpleName() + ": " + message;
            throw new ProbeFailure(CauseCode.TLS_HANDSHAKE_FAILED, "the TLS handshake failed: " + why, false);
        }
        Optional<String> problem = context.recorder().take(socket);
        SSLSession session = socket.getSession();
        X509Certificate leaf;
        try {
            leaf = (X509Certificate) session.getPeerCertificates()[0];
        } catch (IOException | ClassCastException | ArrayIndexOutOfBoundsException e) {
            throw new ProbeFailure(CauseCode.TLS_HANDSHAKE_FAILED, "the server sent no usable certificate", false);
        }
        boolean nameOk = Certificates.matches(leaf, host); // a mismatch failed the handshake unless insecure
        TlsInfo info = new TlsInfo(session.getProtocol(), session.getCipherSuite(),
                leaf.getSubjectX500Principal().getName(), leaf.getIssuerX500Principal().getName(),
                leaf.getNotAfter().toInstant(), nameOk, problem.isEmpty(), problem);
        return new Secured(socket, info);
    }

    /**
     * @param policy a trust policy
     * @return a socket factory that trusts as the policy says and fails otherwise (for Jakarta Mail)
     * @throws ProbeFailure when the policy's PEM file cannot be read
     */
    public SSLSocketFactory factory(TrustPolicy policy) throws ProbeFailure {
        return context(policy).factory();
    }

    private Context context(TrustPolicy policy) throws ProbeFailure {
        Context c = contexts.get(policy);
        if (c != null) {
            return c;
        }
        try {
            Recorder recorder = new Recorder(anchors(policy), policy.kind() == TrustPolicy.Kind.INSECURE);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new TrustManager[] { recorder }, null);
            c = new Context(ssl.getSocketFactory(), recorder);
        } catch (GeneralSecurityException | IOException e) {
            throw new ProbeFailure(CauseCode.TLS_CERTIFICATE_INVALID,
                    "cannot use the trusted certificates: " + e.getMessage(), false);
        }
        Context raced = contexts.putIfAbsent(policy, c);
        return raced == null ? c : raced;
    }

    private static X509TrustManager anchors(TrustPolicy policy) throws GeneralSecurityException, IOException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (policy.kind() == TrustPolicy.Kind.PEM) {
            Path file = policy.pem().orElseThrow();
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            try (InputStream in = Files.newInputStream(file)) {
                int i = 0;
                for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("pem-" + i++, cert);
                }
                if (i == 0) {
                    throw new CertificateException("no certificate in " + file);
                }
            }
            tmf.init(store);
        } else {
            tmf.init((KeyStore) null);
        }
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new CertificateException("no X.509 trust manager");
    }

    /**
     * Checks server chains against the anchors and remembers the problem per TLS socket, so that the prober can say why a handshake failed
     * or, when insecure, what it accepted anyway.
     */
    private static final class Recorder extends X509ExtendedTrustManager {
        private final X509TrustManager anchors;
        private final boolean insecure;
        // weak keys: a socket whose problem nobody asked for (Jakarta Mail's) does not stay here
        private final Map<Socket, String> problems = Collections.synchronizedMap(new WeakHashMap<>());

        Recorder(X509TrustManager anchors, boolean insecure) {
            this.anchors = anchors;
            this.insecure = insecure;
        }

        Optional<String> take(Socket socket) {
            return Optional.ofNullable(problems.remove(socket));
        }

        /**
         * Checks the chain, then the host name the TLS socket was created for, so that a certificate
         * for another name fails the handshake itself: nothing, credentials least of all, is sent to
         * such a server unless the policy is insecure.
         */
        private void check(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            try {
                anchors.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                refuse(socket, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            String host = socket instanceof SSLSocket s && s.getHandshakeSession() != null
                    ? s.getHandshakeSession().getPeerHost() : null;
            if (host != null && chain.length > 0 && !Certificates.matches(chain[0], host)) {
                refuse(socket, "the certificate is for " + chain[0].getSubjectX500Principal().getName() + ", not "
                        + host);
            }
        }

        private void refuse(Socket socket, String why) throws CertificateException {
            if (socket != null) {
                problems.merge(socket, why, (a, b) -> a + "; " + b);
            }
            if (!insecure) {
                throw new CertificateException(why);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain, authType, socket);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain, authType, null);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, authType, null);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("a probe is never a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("a probe is never a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a probe is never a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return anchors.getAcceptedIssuers();
        }
    }
}
