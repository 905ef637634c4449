package org.relaybench.core.rules;

import java.util.Optional;

/**
 * The comparisons a declarative rule may make (attribute {@code op} of element {@code when}).
 * Comparisons of text ignore case.
 *
 * @since 0.1
 */
public enum ConditionOperator {
    /** The field has exactly the value. */
    EQUALS("equals", true),
    /** The field has a value other than the value (no value does not satisfy it). */
    NOT_EQUALS("not-equals", true),
    /** The field's value is one of a comma-separated list. */
    IN("in", true),
    /** The field has a value that is none of a comma-separated list. */
    NOT_IN("not-in", true),
    /** A case-insensitive regular expression is found in the field's value. */
    MATCHES("matches", true),
    /** The field's value ends with the value (for host and domain suffixes). */
    ENDS_WITH("ends-with", true),
    /** The field's value is a number below the value. */
    LESS_THAN("less-than", true),
    /** The field's value is a number above the value. */
    GREATER_THAN("greater-than", true),
    /** The field has a value. */
    PRESENT("present", false),
    /** The field has no value. */
    ABSENT("absent", false);

    private final String id;
    private final boolean needsValue;

    ConditionOperator(String id, boolean needsValue) {
        this.id = id;
        this.needsValue = needsValue;
    }

    /** @return the identifier used in plugin.xml */
    public String id() {
        return id;
    }

    /** @return whether the operator compares against a {@code value} attribute */
    public boolean needsValue() {
        return needsValue;
    }

    /**
     * @param text an identifier
     * @return the operator, or empty
     */
    public static Optional<ConditionOperator> parse(String text) {
        for (ConditionOperator o : values()) {
            if (o.id.equals(text)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }
}
