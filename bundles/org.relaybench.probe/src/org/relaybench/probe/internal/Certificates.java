package org.relaybench.probe.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Does a server certificate name the host the client connected to (RFC 6125: SAN first, one-label wildcards)? */
public final class Certificates {

    private static final Pattern CN = Pattern.compile("(?:^|,\\s*)CN=([^,]+)");
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private Certificates() {
    }

    /**
     * @param host a host name or IP literal
     * @return whether it is an IP literal (never resolved)
     */
    public static boolean isIpLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
    }

    /**
     * @param cert the server's certificate
     * @param host the host connected to
     * @return whether the certificate is for that host
     */
    public static boolean matches(X509Certificate cert, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        try {
            Collection<List<?>> san = cert.getSubjectAlternativeNames();
            if (san != null) {
                for (List<?> entry : san) {
                    int type = (Integer) entry.get(0);
                    if (type == SAN_DNS) {
                        dns.add(entry.get(1).toString().toLowerCase(Locale.ROOT));
                    } else if (type == SAN_IP) {
                        ips.add(entry.get(1).toString());
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        if (isIpLiteral(h)) {
            for (String ip : ips) {
                if (sameAddress(ip, h)) {
                    return true;
                }
            }
            return false;
        }
        if (dns.isEmpty()) {
            Matcher m = CN.matcher(cert.getSubjectX500Principal().getName());
            if (m.find()) {
                dns.add(m.group(1).trim().toLowerCase(Locale.ROOT));
            }
        }
        for (String name : dns) {
            if (name.equals(h) || wildcard(name, h)) {
                return true;
            }
        }
        return false;
    }

    private static boolean wildcard(String pattern, String host) {
        if (!pattern.startsWith("*.")) {
            return false;
        }
        int dot = host.indexOf('.');
        return dot > 0 && host.substring(dot).equals(pattern.substring(1)) && pattern.indexOf('.', 2) > 0;
    }

    private static boolean sameAddress(String a, String b) {
        try { // both are literals: no lookup happens
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
