package org.relaybench.core.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The shared file of real reply texts, read from this bundle's {@code data/relay-replies.tsv}. */
final class SharedReplies {

    /**
     * One row of the file.
     *
     * @param server the server or client that sends it
     * @param text the reply or error text
     * @param meaning what it means, with the source's words
     */
    record Row(String server, String text, String meaning) {
    }

    private SharedReplies() {
    }

    static List<Row> rows() {
        Bundle bundle = FrameworkUtil.getBundle(SharedReplies.class);
        URL entry = bundle.getEntry("data/relay-replies.tsv");
        if (entry == null) {
            throw new AssertionError("data/relay-replies.tsv is missing from bundle " + bundle.getSymbolicName());
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(entry.openStream(),
                StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null || !header.startsWith("server\treply_text\tmeaning")) {
                throw new AssertionError("unexpected header: " + header);
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length < 3) {
                    throw new AssertionError("row with fewer than 3 columns: " + line);
                }
                rows.add(new Row(columns[0], columns[1], columns[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** @return the reply texts of the file */
    static List<String> texts() {
        return rows().stream().map(Row::text).toList();
    }
}
