package org.relaybench.core.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.relaybench.core.AccountProfile;

/**
 * One test of a declarative rule (element {@code when}): {@code field op value}.
 *
 * @param field the field tested
 * @param operator the comparison
 * @param value the operand; empty for {@code present} and {@code absent}
 * @since 0.1
 */
public record Condition(ConditionField field, ConditionOperator operator, String value) {

    public Condition {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        value = value == null ? "" : value.trim();
        if (operator.needsValue() && value.isEmpty()) {
            throw new IllegalArgumentException("operator " + operator.id() + " needs a value");
        }
        if (operator == ConditionOperator.MATCHES) {
            try {
                Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("not a regular expression: " + e.getDescription(), e);
            }
        }
        if (operator == ConditionOperator.LESS_THAN || operator == ConditionOperator.GREATER_THAN) {
            try {
                Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + value, e);
            }
        }
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
        String a = actual.toLowerCase(Locale.ROOT);
        String v = value.toLowerCase(Locale.ROOT);
        switch (operator) {
        case EQUALS:
            return a.equals(v);
        case NOT_EQUALS:
            return !a.equals(v);
        case IN:
            return list().anyMatch(a::equals);
        case NOT_IN:
            return list().noneMatch(a::equals);
        case MATCHES:
            return Pattern.compile(value, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(actual).find();
        case ENDS_WITH:
            return a.endsWith(v);
        case LESS_THAN:
            return number(a).map(n -> n < Long.parseLong(v)).orElse(false);
        case GREATER_THAN:
            return number(a).map(n -> n > Long.parseLong(v)).orElse(false);
        default:
            throw new IllegalStateException(operator.id());
        }
    }

    private java.util.stream.Stream<String> list() {
        return Arrays.stream(value.toLowerCase(Locale.ROOT).split(",")).map(String::trim);
    }

    private static Optional<Long> number(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return field.id() + " " + operator.id() + (value.isEmpty() ? "" : " " + value);
    }
}
