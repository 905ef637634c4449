package org.relaybench.store.tests;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.relaybench.cli.internal.Cli;

/** The OSGi runtime the tests run in: its services, and the command line on them. */
final class Osgi {

    /** What a command printed and returned. */
    record Run(int exit, String out, String err) {
    }

    private Osgi() {
    }

    static <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(FrameworkUtil.getBundle(Osgi.class).getBundleContext(), type,
                null);
        tracker.open();
        T service = tracker.waitForService(Duration.ofSeconds(20).toMillis());
        if (service == null) {
            throw new AssertionError("service " + type.getName() + " did not appear within 20 s");
        }
        return service;
    }

    /** Runs {@code relaybench <args>} in this runtime, with the given environment. */
    static Run cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        InputStream stdin = InputStream.nullInputStream();
        int exit = new Cli(Osgi::service, env, stdin).run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
