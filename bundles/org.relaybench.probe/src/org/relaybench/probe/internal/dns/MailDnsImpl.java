package org.relaybench.probe.internal.dns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.relaybench.probe.DnsQuery;
import org.relaybench.probe.DnsReport;
import org.relaybench.probe.MailDns;
import org.relaybench.probe.MxRecord;
import org.relaybench.probe.SrvRecord;
import org.relaybench.probe.internal.Certificates;
import org.relaybench.probe.internal.Deadline;

/**
 * The DNS service: MX and submission SRV records of the domain, A and AAAA of the outgoing host, one
 * after the other within one deadline. Stateless, so safe for any number of threads.
 */
@Component(service = MailDns.class)
public final class MailDnsImpl implements MailDns {

    @Override
    public DnsReport lookup(DnsQuery query) {
        Objects.requireNonNull(query, "query");
        long start = System.nanoTime();
        Deadline deadline = Deadline.in(query.timeout());
        DnsClient client = new DnsClient(query.resolver().orElseGet(ResolvConf::defaultServer));
        List<String> problems = new ArrayList<>();
        String domain = query.domain().toLowerCase(java.util.Locale.ROOT);
        List<MxRecord> mx = records(client, domain, DnsMessage.MX, deadline, problems, MxRecord.class);
        mx = mx.stream().sorted(Comparator.comparingInt(MxRecord::preference).thenComparing(MxRecord::host)).toList();
        List<SrvRecord> submission = srv(client, "_submission._tcp." + domain, deadline, problems);
        List<SrvRecord> submissions = srv(client, "_submissions._tcp." + domain, deadline, problems);
        List<String> addresses = new ArrayList<>();
        boolean missing = false;
        Optional<String> host = query.smtpHost().filter(h -> !h.isBlank());
        if (host.isPresent() && Certificates.isIpLiteral(host.get())) {
            addresses.add(host.get());
        } else if (host.isPresent()) {
            boolean nx = true;
            for (int type : new int[] { DnsMessage.A, DnsMessage.AAAA }) {
                try {
                    DnsClient.Answer a = client.query(host.get(), type, deadline);
                    nx &= a.nxdomain();
                    a.records().forEach(r -> addresses.add((String) r.data()));
                } catch (DnsException e) {
                    nx = false;
                    problems.add(e.getMessage());
                }
            }
            missing = nx;
        }
        return new DnsReport(domain, client.address(), mx, submission, submissions, host, addresses, missing, problems,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static List<SrvRecord> srv(DnsClient client, String name, Deadline deadline, List<String> problems) {
        return records(client, name, DnsMessage.SRV, deadline, problems, SrvRecord.class).stream()
                .sorted(Comparator.comparingInt(SrvRecord::priority).thenComparing(Comparator
                        .comparingInt(SrvRecord::weight).reversed()))
                .toList();
    }

    private static <T> List<T> records(DnsClient client, String name, int type, Deadline deadline,
            List<String> problems, Class<T> kind) {
        try {
            return client.query(name, type, deadline).records().stream().map(r -> kind.cast(r.data())).toList();
        } catch (DnsException e) {
            problems.add(e.getMessage());
            return List.of();
        }
    }
}
