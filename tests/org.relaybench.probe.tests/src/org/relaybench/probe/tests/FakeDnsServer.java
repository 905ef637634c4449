package org.relaybench.probe.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A misbehaving DNS server on a loopback UDP port the system picks: for every query it receives it
 * sends what its answerer makes of the query's bytes, or nothing when the answerer returns null. One
 * thread serves; {@link #close()} closes the socket, which ends it, and waits for it.
 */
final class FakeDnsServer implements AutoCloseable {

    private final DatagramSocket socket;
    private final UnaryOperator<byte[]> answerer;
    private final Thread thread;
    private final AtomicInteger queries = new AtomicInteger();

    /** @param answerer makes the response to a query's bytes; null for no response */
    FakeDnsServer(UnaryOperator<byte[]> answerer) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.answerer = answerer;
        this.thread = new Thread(this::serve, "fake-dns");
        thread.start();
    }

    /** @return where it listens */
    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    /** @return how many queries arrived */
    int queries() {
        return queries.get();
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                queries.incrementAndGet();
                byte[] response = answerer.apply(Arrays.copyOf(buffer, packet.getLength()));
                if (response != null) {
                    socket.send(new DatagramPacket(response, response.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /**
     * The start of a response to a query: its id, flags "response, recursion desired and available"
     * with the given rcode, its question, and the given counts of answer records; the answer section is
     * the caller's.
     *
     * @param query a query's bytes (one question)
     * @param rcode the response code
     * @param answers the answer count to claim
     * @return the header and question of the response
     */
    static ByteArrayOutputStream respond(byte[] query, int rcode, int answers) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(query[0]);
        b.write(query[1]);
        b.write(0x81);
        b.write(0x80 | rcode);
        b.writeBytes(new byte[] { 0, 1, (byte) (answers >> 8), (byte) answers, 0, 0, 0, 0 });
        int end = 12;
        while (end < query.length && query[end] != 0) {
            end += 1 + (query[end] & 0xff);
        }
        end = Math.min(query.length, end + 5); // the final zero label, type and class
        b.write(query, 12, Math.max(0, end - 12));
        return b;
    }

    /** @return the type asked for in a query (one question) */
    static int type(byte[] query) {
        int p = 12;
        while (p < query.length && query[p] != 0) {
            p += 1 + (query[p] & 0xff);
        }
        return p + 2 < query.length ? ((query[p + 1] & 0xff) << 8) | (query[p + 2] & 0xff) : -1;
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(5000);
    }
}
