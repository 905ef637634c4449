package org.relaybench.probe.internal.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The system's DNS server: the first {@code nameserver} line of /etc/resolv.conf, else 127.0.0.1. */
public final class ResolvConf {

    private ResolvConf() {
    }

    /** @return the system's first DNS server, port 53 */
    public static InetSocketAddress defaultServer() {
        return first(Path.of("/etc/resolv.conf"));
    }

    static InetSocketAddress first(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (String line : lines) {
                String[] words = line.trim().split("\\s+");
                if (words.length >= 2 && words[0].equals("nameserver")) {
                    String host = words[1];
                    int zone = host.indexOf('%');
                    return new InetSocketAddress(zone > 0 ? host.substring(0, zone) : host, 53);
                }
            }
        } catch (IOException e) {
            // no resolv.conf: the local resolver is the usual answer
        }
        return new InetSocketAddress("127.0.0.1", 53);
    }
}
