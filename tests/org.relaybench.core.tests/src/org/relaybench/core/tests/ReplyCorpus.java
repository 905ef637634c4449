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
import org.relaybench.core.CauseCode;

/**
 * The corpus of reply texts the classifier is measured on: {@code data/replies/corpus.tsv} (reply texts
 * from RFCs, the IANA registry, MTA sources and provider documentation, each with its source) and the
 * shared file {@code data/relay-replies.tsv}, whose expected causes {@link SharedRepliesClassificationTest}
 * writes down.
 * <p>
 * {@code corpus.tsv} has a header and four tab-separated columns: the text ({@code \n}, {@code \t},
 * {@code \r} and {@code \\} escaped), the expected top cause, whether the device's settings are at fault
 * ({@code yes}/{@code no}), and the document the wording comes from.
 */
final class ReplyCorpus {

    /**
     * One reply of the corpus.
     *
     * @param text the reply or error text
     * @param cause the cause the diagnosis must rank first
     * @param settingsAtFault whether the device's settings are at fault
     * @param source where the wording comes from
     */
    record Reply(String text, String cause, boolean settingsAtFault, String source) {
    }

    private static final String HEADER = "text\texpected_cause\tsettings_at_fault\tsource";

    private ReplyCorpus() {
    }

    /** @return the corpus file's replies, then the shared file's */
    static List<Reply> all() {
        List<Reply> replies = new ArrayList<>(own());
        for (SharedReplies.Row row : SharedReplies.rows()) {
            SharedRepliesClassificationTest.Expected expected = SharedRepliesClassificationTest.EXPECTED
                    .get(row.text());
            if (expected == null) {
                throw new AssertionError("no expectation written for the shared row of " + row.server());
            }
            boolean settings = CauseCode.of(expected.cause()).map(CauseCode::settingsAtFault).orElse(true);
            replies.add(new Reply(row.text(), expected.cause(), settings, "relay-replies.tsv: " + row.server()));
        }
        return replies;
    }

    /** @return the replies of {@code data/replies/corpus.tsv} */
    static List<Reply> own() {
        Bundle bundle = FrameworkUtil.getBundle(ReplyCorpus.class);
        URL entry = bundle.getEntry("data/replies/corpus.tsv");
        if (entry == null) {
            throw new AssertionError("data/replies/corpus.tsv is missing from bundle " + bundle.getSymbolicName());
        }
        List<Reply> replies = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(entry.openStream(),
                StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (!HEADER.equals(header)) {
                throw new AssertionError("unexpected header: " + header);
            }
            int lineNumber = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length != 4 || columns[3].isBlank()
                        || !(columns[2].equals("yes") || columns[2].equals("no"))) {
                    throw new AssertionError("line " + lineNumber + " is not text, cause, yes/no, source: " + line);
                }
                replies.add(new Reply(unescape(columns[0]), columns[1], columns[2].equals("yes"), columns[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return replies;
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
            case 'n' -> b.append('\n');
            case 't' -> b.append('\t');
            case 'r' -> b.append('\r');
            case '\\' -> b.append('\\');
            default -> b.append('\\').append(next);
            }
        }
        return b.toString();
    }
}
