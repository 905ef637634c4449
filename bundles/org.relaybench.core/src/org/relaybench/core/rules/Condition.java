package org.relaybench.core.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.relaybench.core.AccountProfile;

/**
 * One test of a declarative rule (element {@code when}): {@code field op value}. Immutable; the
 * operand is prepared once (pattern compiled, list split, case folded) because conditions are tested
 * for every account of a batch.
 *
 * @since 0.1
 */
public final class Condition {

    private final ConditionField field;
    private final ConditionOperator operator;
    private final String value;
    private final String folded;
    private final String[] list;
    private final Pattern pattern;
    private final long number;

    /**
     * @param field the field tested
     * @param operator the comparison
     * @param value the operand; empty for {@code present} and {@code absent}
     * @throws IllegalArgumentException when the operand does not suit the operator
     */
    public Condition(ConditionField field, ConditionOperator operator, String value) {
        this.field = Objects.requireNonNull(field, "field");
        this.operator = Objects.requireNonNull(operator, "operator");
        value = value == null ? "" : value.trim();
        this.value = value;
        if (operator.needsValue() && value.isEmpty()) {
            throw new IllegalArgumentException("operator " + operator.id() + " needs a value");
        }
        this.folded = value.toLowerCase(Locale.ROOT);
        this.list = Arrays.stream(folded.split(",")).map(String::trim).toArray(String[]::new);
        Pattern p = null;
        if (operator == ConditionOperator.MATCHES) {
            try {
                p = Pattern.compile(value, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("not a regular expression: " + e.getDescription(), e);
            }
        }
        this.pattern = p;
        long n = 0;
        if (operator == ConditionOperator.LESS_THAN || operator == ConditionOperator.GREATER_THAN) {
            try {
                n = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + value, e);
            }
        }
        this.number = n;
    }

    /** @return the field tested */
    public ConditionField field() {
        return field;
    }

    /** @return the comparison */
    public ConditionOperator operator() {
        return operator;
    }

    /** @return the operand as declared (trimmed); empty for {@code present} and {@code absent} */
    public String value() {
        return value;
    }

    /**
     * @param profile the account
     * @return whether the account satisfies this condition
     */
    public boolean test(AccountProfile profile) {
        Optional<String> actual = field.read(profile);
        switch (operator) {
        case PRESENT:
            return actual.isPresent();
        case ABSENT:
            return actual.isEmpty();
        default:
            return actual.isPresent() && compare(actual.get());
        }
    }

    private boolean compare(String actual) {
        switch (operator) {
        case EQUALS:
            return actual.equalsIgnoreCase(folded);
        case NOT_EQUALS:
            return !actual.equalsIgnoreCase(folded);
        case IN:
            return inList(actual);
        case NOT_IN:
            return !inList(actual);
        case MATCHES:
            return pattern.matcher(actual).find();
        case ENDS_WITH:
            return actual.toLowerCase(Locale.ROOT).endsWith(folded);
        case LESS_THAN:
            return number(actual).map(n -> n < number).orElse(false);
        case GREATER_THAN:
            return number(actual).map(n -> n > number).orElse(false);
        default:
            throw new IllegalStateException(operator.id());
        }
    }

    private boolean inList(String actual) {
        for (String item : list) {
            if (actual.equalsIgnoreCase(item)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Condition c && c.field == field && c.operator == operator && c.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, operator, value);
    }

    @Override
    public String toString() {
        return field.id() + " " + operator.id() + (value.isEmpty() ? "" : " " + value);
    }
}
