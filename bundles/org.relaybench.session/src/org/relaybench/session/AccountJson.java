package org.relaybench.session;

import java.util.Optional;

import org.relaybench.session.internal.JsonErrors;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Reads an account from JSON: the {@code account} object of the session export (schema
 * {@code relaybench.session/1}, docs/session-export-schema.md), a whole session export, or the same
 * object with the short spellings of the {@code examples/} files ({@code "network": "wifi"},
 * {@code "error"}):
 *
 * <pre>
 * {"email": "a@aol.com", "client": "ios-12", "network": {"kind": "wifi", "operator": "Comcast"},
 *  "errorText": "...", "mx": ["mx-aol.mail.gm0.yahoodns.net"],
 *  "incoming": {"protocol": "imap", "host": "imap.aol.com", "port": 993, "security": "tls",
 *               "auth": "password", "username": "a@aol.com", "passwordSet": true},
 *  "outgoing": {"host": "smtp.aol.com", "port": 587, "security": "starttls", "auth": "none",
 *               "username": "a@aol.com", "passwordSet": false, "enabled": true},
 *  "otherOutgoing": [{...}]}
 * </pre>
 *
 * Port 0 means unknown, as in the export. Members it does not know are ignored. A {@code password}
 * member is refused: Relaybench never takes passwords from files; {@code passwordSet} says whether the
 * field on the device is filled in, {@code false} when absent.
 *
 * @since 0.1
 */
public final class AccountJson {

    /** The schema of a session export, whose {@code account} member is read. */
    public static final String SESSION_SCHEMA = "relaybench.session/1";

    private AccountJson() {
    }

    /**
     * Reads the account's fields.
     *
     * @param text the JSON text
     * @return the fields; {@link AccountFields#check()} validates them, and
     *         {@link FieldProblem#asJsonPath()} names the member at fault
     * @throws IllegalArgumentException when the text is not JSON of that shape, naming what is wrong and
     *         where (e.g. {@code $.outgoing must be an object})
     */
    public static AccountFields read(String text) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException | StackOverflowError e) {
            throw new IllegalArgumentException("not valid JSON: " + JsonErrors.describe(e));
        }
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("an account must be a JSON object");
        }
        JsonObject o = root.getAsJsonObject();
        String path = "$";
        Optional<String> schema = string(o, "schema", path);
        if (schema.isPresent()) {
            if (!schema.get().equals(SESSION_SCHEMA)) {
                throw new IllegalArgumentException("$.schema: not a schema Relaybench reads: " + schema.get());
            }
            if (!o.has("account") || !o.get("account").isJsonObject()) {
                throw new IllegalArgumentException("$.account must be an object");
            }
            o = o.getAsJsonObject("account");
            path = "$.account";
        }
        return account(o, path);
    }

    private static AccountFields account(JsonObject o, String path) {
        refusePassword(o, path);
        AccountFields f = AccountFields.create();
        f.email(string(o, "email", path).orElse(null));
        f.client(string(o, "client", path).orElse(null));
        JsonElement network = o.get("network");
        if (network != null && network.isJsonObject()) {
            f.network(string(network.getAsJsonObject(), "kind", path + ".network").orElse(null));
            f.networkOperator(string(network.getAsJsonObject(), "operator", path + ".network").orElse(null));
        } else {
            f.network(string(o, "network", path).orElse(null));
            f.networkOperator(string(o, "networkOperator", path).orElse(null));
        }
        f.errorText(string(o, "errorText", path).or(() -> string(o, "error", path)).orElse(null));
        if (o.has("incoming") && !o.get("incoming").isJsonNull()) {
            f.incoming(server(object(o, "incoming", path), path + ".incoming", true));
        }
        if (o.has("outgoing") && !o.get("outgoing").isJsonNull()) {
            f.outgoing(server(object(o, "outgoing", path), path + ".outgoing", false));
        }
        if (o.has("otherOutgoing") && !o.get("otherOutgoing").isJsonNull()) {
            JsonArray others = array(o, "otherOutgoing", path);
            for (int i = 0; i < others.size(); i++) {
                String p = path + ".otherOutgoing[" + i + "]";
                if (!others.get(i).isJsonObject()) {
                    throw new IllegalArgumentException(p + " must be an object");
                }
                f.otherOutgoing(server(others.get(i).getAsJsonObject(), p, false));
            }
        }
        if (o.has("mx") && !o.get("mx").isJsonNull()) {
            JsonArray hosts = array(o, "mx", path);
            for (int i = 0; i < hosts.size(); i++) {
                if (!hosts.get(i).isJsonPrimitive() || !hosts.get(i).getAsJsonPrimitive().isString()) {
                    throw new IllegalArgumentException(path + ".mx[" + i + "] must be a host name");
                }
                f.mx(hosts.get(i).getAsString());
            }
        }
        return f;
    }

    private static ServerFields server(JsonObject o, String path, boolean incoming) {
        refusePassword(o, path);
        ServerFields f = ServerFields.create();
        if (incoming) {
            f.protocol(string(o, "protocol", path).orElse(null));
        } else {
            Optional<String> protocol = string(o, "protocol", path);
            if (protocol.isPresent() && !protocol.get().equalsIgnoreCase("smtp")) {
                throw new IllegalArgumentException(path + ".protocol must be smtp: " + protocol.get());
            }
        }
        f.host(string(o, "host", path).orElse(null));
        JsonElement port = o.get("port");
        if (port != null && !port.isJsonNull()) {
            if (!port.isJsonPrimitive() || port.getAsJsonPrimitive().isBoolean()) {
                throw new IllegalArgumentException(path + ".port must be a port number: " + port);
            }
            String p = port.getAsString().trim();
            f.port(p.equals("0") ? "" : p); // 0: unknown, as the export writes it
        }
        f.security(string(o, "security", path).orElse(null));
        f.auth(string(o, "auth", path).orElse(null));
        f.user(string(o, "username", path).orElse(null));
        f.passwordSet(bool(o, "passwordSet", path).orElse(false));
        f.enabled(bool(o, "enabled", path).orElse(true));
        return f;
    }

    private static void refusePassword(JsonObject o, String path) {
        if (o.has("password")) {
            throw new IllegalArgumentException(path + ".password: Relaybench does not read passwords from files; "
                    + "say whether the field is filled in with \"passwordSet\": true|false");
        }
    }

    private static Optional<String> string(JsonObject o, String member, String path) {
        JsonElement e = o.get(member);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        if (!e.isJsonPrimitive() || ((JsonPrimitive) e).isBoolean()) {
            throw new IllegalArgumentException(path + "." + member + " must be a string");
        }
        return Optional.of(e.getAsString());
    }

    private static Optional<Boolean> bool(JsonObject o, String member, String path) {
        JsonElement e = o.get(member);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException(path + "." + member + " must be true or false");
        }
        return Optional.of(e.getAsBoolean());
    }

    private static JsonObject object(JsonObject o, String member, String path) {
        JsonElement e = o.get(member);
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException(path + "." + member + " must be an object");
        }
        return e.getAsJsonObject();
    }

    private static JsonArray array(JsonObject o, String member, String path) {
        JsonElement e = o.get(member);
        if (!e.isJsonArray()) {
            throw new IllegalArgumentException(path + "." + member + " must be an array");
        }
        return e.getAsJsonArray();
    }
}
