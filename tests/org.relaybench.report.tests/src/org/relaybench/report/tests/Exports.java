package org.relaybench.report.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.relaybench.core.session.SupportSession;
import org.relaybench.report.SessionExporter;
import org.relaybench.tests.common.OsgiServices;

/** Test helpers: the exporter service of the real OSGi runtime the tests run in, exports, and where to keep files. */
final class Exports {

    private Exports() {
    }

    static SessionExporter exporter() throws InterruptedException {
        return OsgiServices.service(SessionExporter.class);
    }

    static byte[] bytes(SupportSession session, SessionExporter.Format format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter().export(session, format, out);
        return out.toByteArray();
    }

    static String text(SupportSession session, SessionExporter.Format format) throws Exception {
        return new String(bytes(session, format), StandardCharsets.UTF_8);
    }

    /**
     * @param name a file name
     * @return a path under target/artifacts of this test bundle, kept after the build for people to look at
     */
    static Path artifact(String name) throws IOException {
        Path dir = Path.of(System.getProperty("relaybench.artifacts", "target/artifacts")).toAbsolutePath();
        Files.createDirectories(dir);
        return dir.resolve(name);
    }
}
