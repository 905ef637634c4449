package org.relaybench.store.internal;

import java.util.Locale;

import org.relaybench.core.session.StepState;

import com.google.gson.JsonObject;

/** The kinds of change a session's trail holds, with their stable names in the database. */
enum EventKind {
    /** The session was opened: customer, ticket, account. */
    OPENED,
    /** A diagnosis ran. */
    DIAGNOSED,
    /** A probe ran. */
    PROBED,
    /** A step of a fix procedure changed state. */
    STEP,
    /** The session was resolved, given up or reopened. */
    STATUS,
    /** A note. */
    NOTE,
    /** The account was entered again. */
    ACCOUNT;

    /** @return the name stored in {@code rb_event.kind} and shown as the audit action */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static EventKind of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    /** @return the change in words, for the audit trail */
    String detail(JsonObject p) {
        switch (this) {
        case OPENED:
            return "opened for " + Json.string(p, "customer")
                    + (Json.string(p, "ticket").isEmpty() ? "" : ", ticket " + Json.string(p, "ticket")) + ", account "
                    + Json.string(p.getAsJsonObject("account"), "email");
        case DIAGNOSED:
            int n = Json.array(p, "findings").size();
            return "diagnosed" + Json.optional(p, "providerId").map(id -> " with provider " + id).orElse("") + ": " + n
                    + (n == 1 ? " finding" : " findings")
                    + (n == 0 ? "" : ", most likely " + Json.string(Json.array(p, "findings").get(0).getAsJsonObject(), "code"));
        case PROBED:
            return "probed " + Json.string(p, "host") + ":" + p.get("port").getAsInt() + " ("
                    + Json.string(p, "security") + ")" + Json.optional(p, "code").map(c -> ": " + c).orElse(": ok");
        case STEP:
            String state = StepState.parse(Json.string(p, "state")).map(StepState::id).orElse(Json.string(p, "state"));
            return "step " + Json.string(p, "procedure") + "/" + Json.string(p, "step") + ": " + state
                    + withNote(Json.string(p, "note"));
        case STATUS:
            return "status " + Json.string(p, "status") + withNote(Json.string(p, "note"));
        case NOTE:
            return Json.string(p, "text");
        case ACCOUNT:
            return "account entered again: " + Json.string(p.getAsJsonObject("account"), "email");
        default:
            throw new IllegalStateException(name());
        }
    }

    private static String withNote(String note) {
        return note.isEmpty() ? "" : " - " + note;
    }
}
