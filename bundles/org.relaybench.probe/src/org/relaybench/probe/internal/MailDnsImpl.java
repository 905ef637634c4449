package org.relaybench.probe.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.relaybench.probe.DnsQuery;
import org.relaybench.probe.DnsReport;
import org.relaybench.probe.MailDns;
import org.relaybench.probe.MxRecord;
import org.relaybench.probe.SrvRecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.WireParseException;

/**
 * The DNS service on dnsjava: MX and submission SRV records of the domain, A and AAAA of the outgoing
 * host. The five queries go out at once and are waited for together within the query's one deadline.
 *
 * <p>The resolver is dnsjava's {@link SimpleResolver} per server (UDP with EDNS, TCP when an answer is
 * truncated; id, name, class and type of every answer checked against the query) behind an
 * {@link ExtendedResolver}, which asks again, or asks the next server, when a try fails or times out.
 * Each try gets a share of what is left of the deadline, so a dead first server still leaves time for
 * the next one. The servers are the query's, else those of the system's resolver configuration (read
 * again for every lookup, so a changed /etc/resolv.conf counts). No cache: a support tool wants what DNS
 * says now. Stateless, so safe for any number of threads.
 */
@Component(service = MailDns.class)
public final class MailDnsImpl implements MailDns {

    /** Tries per server: a lost UDP datagram is asked again once. */
    private static final int TRIES = 2;

    @Override
    public DnsReport lookup(DnsQuery query) {
        Objects.requireNonNull(query, "query");
        long start = System.nanoTime();
        Deadline deadline = Deadline.in(query.timeout());
        List<InetSocketAddress> servers = query.resolver().map(List::of)
                .orElseGet(() -> new ResolverConfig().servers());
        String shown = servers.stream().map(MailDnsImpl::address).collect(Collectors.joining(", "));
        Resolver resolver = resolver(servers, deadline);
        String domain = query.domain().toLowerCase(Locale.ROOT);
        Optional<String> host = query.smtpHost().filter(h -> !h.isBlank());
        boolean literal = host.isPresent() && Certificates.isIpLiteral(host.get());

        Lookup mx = new Lookup(domain, Type.MX, resolver, shown);
        Lookup submission = new Lookup("_submission._tcp." + domain, Type.SRV, resolver, shown);
        Lookup submissions = new Lookup("_submissions._tcp." + domain, Type.SRV, resolver, shown);
        Optional<Lookup> a = host.filter(h -> !literal).map(h -> new Lookup(h, Type.A, resolver, shown));
        Optional<Lookup> aaaa = host.filter(h -> !literal).map(h -> new Lookup(h, Type.AAAA, resolver, shown));

        List<String> problems = new ArrayList<>();
        List<MxRecord> mxRecords = mx.await(deadline, problems).stream().map(MXRecord.class::cast)
                .map(r -> new MxRecord(r.getPriority(), name(r.getTarget())))
                .sorted(Comparator.comparingInt(MxRecord::preference).thenComparing(MxRecord::host)).toList();
        List<SrvRecord> submissionRecords = srv(submission.await(deadline, problems));
        List<SrvRecord> submissionsRecords = srv(submissions.await(deadline, problems));
        List<String> addresses = new ArrayList<>();
        boolean missing = false;
        if (literal) {
            addresses.add(host.get());
        } else if (host.isPresent()) {
            List<Record> v4 = a.get().await(deadline, problems);
            List<Record> v6 = aaaa.get().await(deadline, problems);
            v4.forEach(r -> addresses.add(((ARecord) r).getAddress().getHostAddress()));
            v6.forEach(r -> addresses.add(((AAAARecord) r).getAddress().getHostAddress()));
            missing = a.get().nxdomain() && aaaa.get().nxdomain();
        }
        return new DnsReport(domain, shown, mxRecords, submissionRecords, submissionsRecords, host, addresses,
                missing, problems, (System.nanoTime() - start) / 1_000_000);
    }

    private static Resolver resolver(List<InetSocketAddress> servers, Deadline deadline) {
        Duration left = Duration.ofNanos(Math.max(1_000_000, deadline.nanosLeft()));
        Duration perTry = left.dividedBy((long) TRIES * servers.size());
        List<Resolver> each = new ArrayList<>(servers.size());
        for (InetSocketAddress server : servers) {
            SimpleResolver r = new SimpleResolver(server);
            r.setTimeout(perTry.isZero() ? Duration.ofMillis(1) : perTry);
            each.add(r);
        }
        ExtendedResolver resolver = new ExtendedResolver(each);
        resolver.setRetries(TRIES);
        resolver.setLoadBalance(false);
        resolver.setTimeout(left);
        return resolver;
    }

    private static List<SrvRecord> srv(List<Record> records) {
        return records.stream().map(SRVRecord.class::cast)
                .map(r -> new SrvRecord(r.getPriority(), r.getWeight(), r.getPort(), name(r.getTarget())))
                .sorted(Comparator.comparingInt(SrvRecord::priority)
                        .thenComparing(Comparator.comparingInt(SrvRecord::weight).reversed()))
                .toList();
    }

    /** @return the name lower-case without the final dot; the root as {@code "."} */
    private static String name(Name name) {
        return name.toString(true).toLowerCase(Locale.ROOT);
    }

    /** @return {@code address:port}, an IPv6 address in brackets; the name when it did not resolve */
    static String address(InetSocketAddress a) {
        if (a.getAddress() == null) {
            return a.getHostString() + ":" + a.getPort();
        }
        String host = a.getAddress().getHostAddress();
        return (a.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** One query in flight: sent when created, its answer or its failure taken by {@link #await}. */
    private static final class Lookup {
        private final String name;
        private final int type;
        private final String servers;
        private final CompletableFuture<Message> answer;
        private final String invalid;
        private boolean nxdomain;

        Lookup(String name, int type, Resolver resolver, String servers) {
            this.name = name;
            this.type = type;
            this.servers = servers;
            CompletableFuture<Message> sent = null;
            String bad = null;
            try {
                Message query = Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN));
                sent = resolver.sendAsync(query).toCompletableFuture();
            } catch (TextParseException | IllegalArgumentException e) {
                bad = what() + ": not a domain name";
            }
            this.answer = sent;
            this.invalid = bad;
        }

        private String what() {
            return Type.string(type) + " " + name;
        }

        /** @return whether the server said the name does not exist */
        boolean nxdomain() {
            return nxdomain;
        }

        /**
         * Waits for the answer until the deadline.
         *
         * @param problems where a failure is told
         * @return the answer's records of the type asked for (a CNAME chain before them is skipped)
         */
        List<Record> await(Deadline deadline, List<String> problems) {
            if (invalid != null) {
                problems.add(invalid);
                return List.of();
            }
            Message response;
            try {
                response = answer.get(Math.max(1, deadline.nanosLeft()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                answer.cancel(false);
                problems.add(what() + ": no answer from " + servers + " before the deadline");
                return List.of();
            } catch (ExecutionException e) {
                problems.add(what() + ": " + failure(e.getCause()));
                return List.of();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                problems.add(what() + ": interrupted");
                return List.of();
            }
            int rcode = response.getRcode();
            if (rcode == Rcode.NXDOMAIN) {
                nxdomain = true;
                return List.of();
            }
            if (rcode != Rcode.NOERROR) {
                problems.add(what() + ": " + servers + " answered with error " + Rcode.string(rcode));
                return List.of();
            }
            return response.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
        }

        private String failure(Throwable thrown) {
            Throwable cause = thrown;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof SocketTimeoutException
                    || (cause instanceof IOException && String.valueOf(cause.getMessage()).startsWith("Timed out"))) {
                return "no answer from " + servers + " before the deadline";
            }
            if (cause instanceof WireParseException) {
                return "a malformed answer from " + servers + " (" + cause.getMessage() + ")";
            }
            if (cause instanceof PortUnreachableException) {
                return "no DNS server listens at " + servers;
            }
            return "cannot ask " + servers + ": " + cause.getClass().getSimpleName()
                    + Optional.ofNullable(cause.getMessage()).map(m -> ": " + m).orElse("");
        }
    }
}
