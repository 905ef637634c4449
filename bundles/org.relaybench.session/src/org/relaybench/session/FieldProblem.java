package org.relaybench.session;

import java.util.Objects;

/**
 * What is wrong with one field of an account.
 *
 * @param field the field
 * @param index for the other SMTP servers, which one (from 0); 0 for the other fields
 * @param message what is wrong, without the field's name, e.g. {@code must be none, starttls or tls: ssl3}
 * @since 0.1
 */
public record FieldProblem(AccountField field, int index, String message) {

    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    /** @return the problem as the command line says it, e.g. {@code --smtp-port must be 1..65535: 0} */
    public String asOption() {
        return "--" + field.option() + (field.otherSmtp() ? " #" + (index + 1) : "") + ": " + message;
    }

    /** @return the problem as a JSON reader says it, e.g. {@code $.outgoing.port must be 1..65535: 0} */
    public String asJsonPath() {
        return field.jsonPath(index) + ": " + message;
    }
}
