package org.relaybench.cli.internal;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.relaybench.probe.ProbeRequest;
import org.relaybench.probe.ProbeSettings;
import org.relaybench.probe.TrustPolicy;

/** The live-probe options shared by {@code probe} and {@code diagnose --probe}. */
final class ProbeOptions {

    static final Set<String> VALUED = Set.of("to", "timeout", "trust-cert", "dns");
    static final Set<String> FLAGS = Set.of("insecure");

    private ProbeOptions() {
    }

    /**
     * @param a the parsed arguments
     * @return the settings the options give
     * @throws UsageException for bad values
     */
    static ProbeSettings settings(Arguments a) throws UsageException {
        int seconds = a.integer("timeout", 20, 1, 600);
        return new ProbeSettings(a.value("to").orElse(ProbeRequest.DEFAULT_TO), Duration.ofSeconds(seconds), trust(a),
                dns(a));
    }

    /** @return whether any probe option was given */
    static boolean any(Arguments a) {
        return VALUED.stream().anyMatch(n -> a.value(n).isPresent()) || a.flag("insecure");
    }

    static TrustPolicy trust(Arguments a) throws UsageException {
        if (a.flag("insecure") && a.value("trust-cert").isPresent()) {
            throw new UsageException("give --trust-cert or --insecure, not both");
        }
        if (a.flag("insecure")) {
            return TrustPolicy.insecure();
        }
        if (a.value("trust-cert").isPresent()) {
            Path pem = Path.of(a.value("trust-cert").get());
            if (!Files.isReadable(pem)) {
                throw new UsageException("--trust-cert: cannot read " + pem);
            }
            return TrustPolicy.pem(pem);
        }
        return TrustPolicy.jdk();
    }

    static Optional<InetSocketAddress> dns(Arguments a) throws UsageException {
        if (a.value("dns").isEmpty()) {
            return Optional.empty();
        }
        String v = a.value("dns").get().trim();
        String host = v;
        int port = 53;
        if (v.startsWith("[")) { // [::1]:53
            int close = v.indexOf(']');
            if (close < 0) {
                throw new UsageException("--dns must be HOST[:PORT]: " + v);
            }
            host = v.substring(1, close);
            if (v.length() > close + 1) {
                port = port(v.substring(close + 1), v);
            }
        } else if (v.indexOf(':') >= 0 && v.indexOf(':') == v.lastIndexOf(':')) {
            host = v.substring(0, v.indexOf(':'));
            port = port(v.substring(v.indexOf(':')), v);
        }
        if (host.isEmpty()) {
            throw new UsageException("--dns must be HOST[:PORT]: " + v);
        }
        return Optional.of(new InetSocketAddress(host, port));
    }

    private static int port(String colonPort, String whole) throws UsageException {
        try {
            int p = Integer.parseInt(colonPort.substring(1));
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new UsageException("--dns must be HOST[:PORT]: " + whole);
        }
    }
}
