package org.relaybench.session.batch;

import java.util.Locale;
import java.util.Optional;

/**
 * The file formats of a batch: the accounts read and the results written.
 *
 * @since 0.1
 */
public enum BatchFormat {
    /** Comma-separated values with a header row naming the {@link AccountColumns columns}. */
    CSV("csv"),
    /** JSON Lines: one JSON object per line, the {@code diagnose --account} form plus an {@code id}. */
    JSONL("jsonl");

    private final String id;

    BatchFormat(String id) {
        this.id = id;
    }

    /** @return the format's name as options and file extensions give it */
    public String id() {
        return id;
    }

    /**
     * @param text {@code csv} or {@code jsonl} (also {@code json}, {@code ndjson}), any case
     * @return the format, or empty
     */
    public static Optional<BatchFormat> parse(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "csv" -> Optional.of(CSV);
            case "jsonl", "json", "ndjson" -> Optional.of(JSONL);
            default -> Optional.empty();
        };
    }

    /**
     * @param fileName a file name
     * @return the format its extension names, or empty
     */
    public static Optional<BatchFormat> ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : parse(fileName.substring(dot + 1));
    }
}
