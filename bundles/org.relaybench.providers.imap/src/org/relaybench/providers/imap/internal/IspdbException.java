package org.relaybench.providers.imap.internal;

import java.util.Objects;

/**
 * An ISPDB file that could not be read: which file, on which line, and why. The message reads
 * {@code /path/example.net.xml:12: reason} so that an operator can open the file at the right place.
 */
public final class IspdbException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String reason;

    /**
     * @param file the file's path or name
     * @param line the line of the fault, counted from 1, or 0 when it concerns the whole file
     * @param reason what is wrong, in words an operator can act on
     */
    public IspdbException(String file, int line, String reason) {
        this(file, line, reason, null);
    }

    /**
     * @param file the file's path or name
     * @param line the line of the fault, or 0
     * @param reason what is wrong
     * @param cause the underlying exception, may be null
     */
    public IspdbException(String file, int line, String reason, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + (line > 0 ? ":" + line : "") + ": "
                + Objects.requireNonNull(reason, "reason"), cause);
        this.file = file;
        this.line = Math.max(0, line);
        this.reason = reason;
    }

    /** @return the file's path or name */
    public String file() {
        return file;
    }

    /** @return the line of the fault, counted from 1, or 0 when it concerns the whole file */
    public int line() {
        return line;
    }

    /** @return what is wrong, without the file and line */
    public String reason() {
        return reason;
    }
}
