package org.relaybench.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.relaybench.core.session.SupportSession;

/**
 * Writes support sessions out for people and programs: one session as a report (HTML, PDF,
 * Markdown), as data (JSON, CSV) or as a fix kit for the customer's device (Apple configuration
 * profile, Thunderbird autoconfig file), and many sessions as a summary report with charts.
 * <p>
 * Every text that came from a customer, an agent or a server is treated as hostile: it is escaped
 * for the format, stripped of control characters, and very long text is cut with a visible mark.
 * No output ever holds a password. An OSGi service (Declarative Services); thread-safe.
 *
 * @since 0.1
 * @noimplement This interface is not intended to be implemented by clients.
 */
public interface SessionExporter {

    /** The formats a session can be written in. */
    enum Format {
        /** One self-contained, printable HTML page: no scripts, no external resources. */
        HTML("html", "html", "text/html; charset=utf-8", false, true),
        /** A PDF document with embedded fonts. */
        PDF("pdf", "pdf", "application/pdf", true, true),
        /** Versioned JSON, schema {@code relaybench.session/1} (docs/session-export-schema.md). */
        JSON("json", "json", "application/json", false, false),
        /** RFC 4180 CSV, one row per finding of every diagnosis. */
        CSV("csv", "csv", "text/csv; charset=utf-8", false, false),
        /** Markdown to paste into a ticket. */
        MARKDOWN("md", "md", "text/markdown; charset=utf-8", false, false),
        /** Fix kit: an Apple configuration profile with a {@code com.apple.mail.managed} payload. */
        MOBILECONFIG("mobileconfig", "mobileconfig", "application/x-apple-aspen-config", false, false),
        /** Fix kit: a Thunderbird autoconfig {@code clientConfig} (version 1.1) file. */
        AUTOCONFIG("autoconfig", "xml", "application/xml", false, false);

        private final String id;
        private final String extension;
        private final String mediaType;
        private final boolean binary;
        private final boolean summary;

        Format(String id, String extension, String mediaType, boolean binary, boolean summary) {
            this.id = id;
            this.extension = extension;
            this.mediaType = mediaType;
            this.binary = binary;
            this.summary = summary;
        }

        /** @return the stable identifier used on the command line, e.g. {@code md} */
        public String id() {
            return id;
        }

        /** @return the usual file name extension, without the dot */
        public String extension() {
            return extension;
        }

        /** @return the media type of the output */
        public String mediaType() {
            return mediaType;
        }

        /** @return whether the output is binary (not fit for a terminal) */
        public boolean binary() {
            return binary;
        }

        /** @return whether a summary over many sessions can be written in this format */
        public boolean summary() {
            return summary;
        }

        /** @return whether this format is part of the customer's fix kit */
        public boolean fixKit() {
            return this == MOBILECONFIG || this == AUTOCONFIG;
        }

        /**
         * @param text an identifier, case-insensitive; {@code markdown} is accepted for {@code md}
         * @return the format, or empty
         */
        public static Optional<Format> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.equals("markdown")) {
                return Optional.of(MARKDOWN);
            }
            for (Format f : values()) {
                if (f.id.equals(t)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Writes one session. The stream is flushed, not closed.
     *
     * @param session the session
     * @param format the format
     * @param out where to write
     * @throws IOException when writing fails
     * @throws IllegalArgumentException for a fix-kit format when {@link #fixKit(SupportSession)} is
     *         empty for the session
     */
    void export(SupportSession session, Format format, OutputStream out) throws IOException;

    /**
     * Computes the settings the customer should use: the matched provider's recommended servers, or,
     * when no provider recommends any, the account's own settings corrected where the last diagnosis
     * makes the correction clear. Outgoing authentication is always on.
     *
     * @param session the session
     * @return the fix kit, or empty when not enough is known (no incoming or no outgoing host)
     */
    Optional<FixKit> fixKit(SupportSession session);

    /**
     * Computes the summary figures of many sessions (for example all sessions of a week, or the
     * sessions logged by a batch run).
     *
     * @param sessions the sessions, in any order
     * @return the figures
     */
    SummaryReport summarize(List<SupportSession> sessions);

    /**
     * Writes the summary report of many sessions with its charts. The stream is flushed, not closed.
     *
     * @param sessions the sessions, in any order
     * @param format {@link Format#HTML} or {@link Format#PDF} ({@link Format#summary()})
     * @param out where to write
     * @throws IOException when writing fails
     * @throws IllegalArgumentException for another format
     */
    void exportSummary(List<SupportSession> sessions, Format format, OutputStream out) throws IOException;
}
