package org.relaybench.probe.internal.dns;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.List;

import org.relaybench.probe.internal.Deadline;

/**
 * A stub resolver for one DNS server: UDP first (RFC 1035 4.2.1, 512 bytes, no EDNS), TCP when the
 * answer is truncated (4.2.2). Every wait is bounded by the caller's deadline; a UDP query is sent
 * again when the first try gets no answer within half of what is left. Responses whose id or source
 * does not match are ignored. Thread-safe: each query uses its own socket.
 */
public final class DnsClient {

    private static final SecureRandom IDS = new SecureRandom();

    private final InetSocketAddress server;

    /** @param server the DNS server */
    public DnsClient(InetSocketAddress server) {
        this.server = server;
    }

    /** The records of one type for a name, and whether the name does not exist. */
    public record Answer(List<DnsMessage.Record> records, boolean nxdomain) {
    }

    /**
     * @param name the name
     * @param type the record type
     * @param deadline when to give up
     * @return the answer
     * @throws DnsException when there is no usable answer in time
     */
    public Answer query(String name, int type, Deadline deadline) throws DnsException {
        int id = IDS.nextInt(0x10000);
        byte[] query = DnsMessage.query(id, name, type);
        DnsMessage.Response response = udp(query, id, deadline);
        if (response.truncated()) {
            response = tcp(query, id, deadline);
        }
        if (response.rcode() == DnsMessage.NXDOMAIN) {
            return new Answer(List.of(), true);
        }
        if (response.rcode() != 0) {
            throw new DnsException(name + ": the DNS server answered with error " + rcode(response.rcode()));
        }
        return new Answer(response.answers().stream().filter(r -> r.type() == type).toList(), false);
    }

    private DnsMessage.Response udp(byte[] query, int id, Deadline deadline) throws DnsException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.connect(server); // datagrams from other sources are dropped by the socket
            byte[] buffer = new byte[512];
            for (int attempt = 0; attempt < 2; attempt++) {
                socket.send(new DatagramPacket(query, query.length));
                Deadline attemptEnd = attempt == 0
                        ? Deadline.in(java.time.Duration.ofNanos(Math.max(1, deadline.nanosLeft() / 2))) : deadline;
                while (!attemptEnd.passed()) {
                    socket.setSoTimeout(attemptEnd.millisLeft());
                    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    try {
                        socket.receive(packet);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    DnsMessage.Response r;
                    try {
                        r = DnsMessage.parse(buffer, packet.getLength());
                    } catch (DnsException e) {
                        continue; // not an answer we can use; wait for the real one
                    }
                    if (r.id() == id) {
                        return r;
                    }
                }
            }
        } catch (IOException e) {
            throw new DnsException("cannot ask " + address() + ": " + e.getMessage());
        }
        throw new DnsException("no answer from " + address() + " before the deadline");
    }

    private DnsMessage.Response tcp(byte[] query, int id, Deadline deadline) throws DnsException {
        try (Socket socket = new Socket()) {
            socket.connect(server, deadline.millisLeft());
            socket.setSoTimeout(deadline.millisLeft());
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] { (byte) (query.length >> 8), (byte) query.length });
            out.write(query);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] prefix = new byte[2];
            read(socket, in, prefix, deadline);
            int length = ((prefix[0] & 0xff) << 8) | (prefix[1] & 0xff);
            byte[] message = new byte[length];
            read(socket, in, message, deadline);
            DnsMessage.Response r = DnsMessage.parse(message, length);
            if (r.id() != id) {
                throw new DnsException("the TCP answer of " + address() + " is for another query");
            }
            return r;
        } catch (SocketTimeoutException e) {
            throw new DnsException("no TCP answer from " + address() + " before the deadline");
        } catch (IOException e) {
            throw new DnsException("cannot ask " + address() + " over TCP: " + e.getMessage());
        }
    }

    /** Reads exactly {@code into.length} bytes, checking the deadline before every read. */
    private void read(Socket socket, InputStream in, byte[] into, Deadline deadline) throws IOException, DnsException {
        int n = 0;
        while (n < into.length) {
            if (deadline.passed()) {
                throw new DnsException("the TCP answer of " + address() + " was not complete before the deadline");
            }
            socket.setSoTimeout(deadline.millisLeft());
            int r = in.read(into, n, into.length - n);
            if (r < 0) {
                throw new DnsException(address() + " closed the TCP connection mid-answer");
            }
            n += r;
        }
    }

    /** @return the server as {@code host:port} */
    public String address() {
        return server.getHostString() + ":" + server.getPort();
    }

    private static String rcode(int rcode) {
        switch (rcode) {
        case 1:
            return "FORMERR";
        case 2:
            return "SERVFAIL";
        case 4:
            return "NOTIMP";
        case 5:
            return "REFUSED";
        default:
            return Integer.toString(rcode);
        }
    }
}
