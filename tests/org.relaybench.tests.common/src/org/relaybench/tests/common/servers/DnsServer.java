package org.relaybench.tests.common.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A real DNS server (Debian's dnsmasq) on 127.0.0.1:{@value #PORT}, UDP and TCP, answering only from
 * its test zone and never forwarding: {@code relaybench.test} and its subdomains, NXDOMAIN for any
 * other name under {@code .test}, nothing for the rest of the world.
 *
 * <p>The zone: {@value #DOMAIN} has two MX records and submission SRV records (RFC 6186, RFC 8314)
 * pointing at {@code smtp.relaybench.test}, which resolves to 127.0.0.1; {@value #HOSTED} is a
 * custom domain whose MX is Google's (a Workspace customer); {@value #BIG} has {@value #BIG_MX} MX
 * records, more than fit into a 512-byte UDP answer, so a resolver must retry over TCP.
 *
 * <p>dnsmasq runs in the foreground with no PID file and no Unix-domain socket; only its log goes into
 * the given folder, so the depth of the checkout does not matter to it.
 */
public final class DnsServer implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 21053;
    public static final String DOMAIN = "relaybench.test";
    public static final String SMTP_HOST = "smtp.relaybench.test";
    public static final String HOSTED = "hosted.relaybench.test";
    public static final String HOSTED_MX = "aspmx.l.google.com";
    public static final String BIG = "big.relaybench.test";
    public static final int BIG_MX = 40;

    private final ServerProcess process;

    private DnsServer(ServerProcess process) {
        this.process = process;
    }

    /**
     * @param dir a private folder for the log
     * @return the running server
     * @throws IOException when it does not start
     * @throws InterruptedException when interrupted
     */
    public static DnsServer start(Path dir) throws IOException, InterruptedException {
        ServerProcess.requireFree(HOST, PORT);
        Path d = Files.createDirectories(dir.toAbsolutePath());
        List<String> command = new ArrayList<>(List.of("dnsmasq", "--keep-in-foreground", "--conf-file=/dev/null",
                "--no-resolv", "--no-hosts", "--no-poll", "--port=" + PORT, "--listen-address=" + HOST,
                "--bind-interfaces", "--user=nobody", "--group=nogroup", "--pid-file=", "--log-facility=-",
                "--log-queries", "--local=/test/", "--dns-loop-detect"));
        command.add("--mx-host=" + DOMAIN + ",mx1." + DOMAIN + ",10");
        command.add("--mx-host=" + DOMAIN + ",mx2." + DOMAIN + ",20");
        command.add("--srv-host=_submission._tcp." + DOMAIN + "," + SMTP_HOST + ",20587,0,1");
        command.add("--srv-host=_submissions._tcp." + DOMAIN + "," + SMTP_HOST + ",20465,0,1");
        command.add("--host-record=" + SMTP_HOST + ",127.0.0.1");
        command.add("--host-record=mx1." + DOMAIN + ",127.0.0.1");
        command.add("--mx-host=" + HOSTED + "," + HOSTED_MX + ",1");
        for (int i = 0; i < BIG_MX; i++) {
            command.add("--mx-host=" + BIG + ",mail-exchanger-number-" + i + "." + BIG + "," + (10 + i));
        }
        ServerProcess p = ServerProcess.start("dnsmasq", command, d.resolve("dnsmasq.log"));
        try {
            p.awaitPort(HOST, PORT, Duration.ofSeconds(30)); // TCP opens with UDP
        } catch (IOException | InterruptedException e) {
            p.close();
            throw e;
        }
        return new DnsServer(p);
    }

    /** @return the server as {@code host:port}, as {@code --dns} takes it */
    public static String address() {
        return HOST + ":" + PORT;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
