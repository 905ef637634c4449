package org.relaybench.session.batch;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.relaybench.session.AccountFields;

/**
 * One record of a batch input as read: where it is, and its account. Reading the account (parsing a
 * JSON line, say) is left to {@link #read()}, so that it runs on the thread that diagnoses the record,
 * not on the one thread that reads the file.
 *
 * @since 0.1
 */
public final class BatchRecord {

    /**
     * What a record holds once read: its own reference, and its account's fields or why it cannot be
     * read.
     *
     * @param id the record's own reference ({@code id} column or member); empty when it has none
     * @param fields the account's fields, present exactly when there is no problem
     * @param problem why the record cannot be read, e.g. {@code wrong column count: 3, the header has 5}
     */
    public record Content(String id, Optional<AccountFields> fields, Optional<String> problem) {

        public Content {
            id = id == null ? "" : id;
            Objects.requireNonNull(fields, "fields");
            Objects.requireNonNull(problem, "problem");
            if (fields.isPresent() == problem.isPresent()) {
                throw new IllegalArgumentException("a record has its fields or a problem, not both");
            }
        }

        /** @return content with the account's fields */
        public static Content of(String id, AccountFields fields) {
            return new Content(id, Optional.of(fields), Optional.empty());
        }

        /** @return content that cannot be read, and why */
        public static Content invalid(String id, String problem) {
            return new Content(id, Optional.empty(), Optional.of(problem));
        }
    }

    private final long line;
    private final long ordinal;
    private final Supplier<Content> content;

    private BatchRecord(long line, long ordinal, Supplier<Content> content) {
        this.line = line;
        this.ordinal = ordinal;
        this.content = content;
    }

    /**
     * @param line the input line the record starts on, from 1
     * @param ordinal the record's position among the input's records, from 0 (the header is none)
     * @param content reads the record; called at most once, on any one thread
     * @return the record
     */
    public static BatchRecord of(long line, long ordinal, Supplier<Content> content) {
        return new BatchRecord(line, ordinal, Objects.requireNonNull(content, "content"));
    }

    /** @return a record that could not even be split from the input (an empty line, bad encoding, ...) */
    public static BatchRecord invalid(long line, long ordinal, String id, String problem) {
        Content c = Content.invalid(id, problem);
        return new BatchRecord(line, ordinal, () -> c);
    }

    /** @return the input line the record starts on, from 1 */
    public long line() {
        return line;
    }

    /** @return the record's position among the input's records, from 0; what shards and resumes count */
    public long ordinal() {
        return ordinal;
    }

    /** @return the record's reference and account, or why it cannot be read */
    public Content read() {
        try {
            return content.get();
        } catch (IllegalArgumentException e) {
            return Content.invalid("", e.getMessage());
        }
    }
}
