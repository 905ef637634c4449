package org.relaybench.cli.internal;

import java.util.Locale;
import java.util.Optional;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Network;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Reads an account from JSON (the {@code examples/} files, batch {@code .jsonl} lines):
 *
 * <pre>
 * {"email": "a@aol.com", "client": "ios-12", "network": "wifi", "networkOperator": "Comcast",
 *  "error": "...", "mx": ["mx-aol.mail.gm0.yahoodns.net"],
 *  "incoming": {"protocol": "imap", "host": "imap.aol.com", "port": 993, "security": "tls",
 *               "auth": "password", "username": "a@aol.com", "passwordSet": true},
 *  "outgoing": {"host": "smtp.aol.com", "port": 587, "security": "starttls", "auth": "none",
 *               "username": "a@aol.com", "passwordSet": false, "enabled": true},
 *  "otherOutgoing": [{...}]}
 * </pre>
 *
 * Errors name the JSON path. A {@code password} member is refused: Relaybench never takes passwords
 * from files; {@code passwordSet} says whether the field on the device is filled in.
 */
public final class AccountJson {

    private AccountJson() {
    }

    /** An account read from JSON, with the MX hosts it listed. */
    public record Read(AccountProfile account, java.util.List<String> mx) {
    }

    /**
     * @param text the JSON text
     * @return the account
     * @throws UsageException naming what is wrong and where
     */
    public static Read parse(String text) throws UsageException {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new UsageException("not valid JSON: " + rootMessage(e));
        }
        if (!root.isJsonObject()) {
            throw new UsageException("an account must be a JSON object");
        }
        JsonObject o = root.getAsJsonObject();
        refusePassword(o, "$");
        String email = string(o, "email", "$").orElseThrow(() -> new UsageException("$.email is missing"));
        AccountProfile.Builder b = AccountProfile.builder(email);
        try {
            b.client(ClientInfo.parse(string(o, "client", "$").orElse(null)));
        } catch (IllegalArgumentException e) {
            throw new UsageException("$.client: " + e.getMessage());
        }
        Optional<String> network = string(o, "network", "$");
        Network.Kind kind = network.isEmpty() ? Network.Kind.UNKNOWN : Network.Kind.parse(network.get())
                .orElseThrow(() -> new UsageException("$.network must be wifi, cellular or unknown: " + network.get()));
        b.network(new Network(kind, string(o, "networkOperator", "$")));
        b.errorText(string(o, "error", "$").orElse(""));
        if (o.has("incoming") && !o.get("incoming").isJsonNull()) {
            b.incoming(server(object(o, "incoming", "$"), "$.incoming", true));
        }
        if (o.has("outgoing") && !o.get("outgoing").isJsonNull()) {
            b.outgoing(server(object(o, "outgoing", "$"), "$.outgoing", false));
        }
        if (o.has("otherOutgoing")) {
            JsonArray others = array(o, "otherOutgoing", "$");
            for (int i = 0; i < others.size(); i++) {
                String path = "$.otherOutgoing[" + i + "]";
                if (!others.get(i).isJsonObject()) {
                    throw new UsageException(path + " must be an object");
                }
                b.otherOutgoing(server(others.get(i).getAsJsonObject(), path, false));
            }
        }
        java.util.List<String> mx = new java.util.ArrayList<>();
        if (o.has("mx")) {
            JsonArray hosts = array(o, "mx", "$");
            for (int i = 0; i < hosts.size(); i++) {
                if (!hosts.get(i).isJsonPrimitive()) {
                    throw new UsageException("$.mx[" + i + "] must be a host name");
                }
                mx.add(hosts.get(i).getAsString().trim().toLowerCase(Locale.ROOT));
            }
        }
        try {
            return new Read(b.build(), mx);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static ServerSettings server(JsonObject o, String path, boolean incoming) throws UsageException {
        refusePassword(o, path);
        MailProtocol protocol = MailProtocol.SMTP;
        if (incoming) {
            String p = string(o, "protocol", path).orElse("imap");
            protocol = MailProtocol.parse(p).filter(MailProtocol::incoming)
                    .orElseThrow(() -> new UsageException(path + ".protocol must be imap or pop3: " + p));
        }
        ServerSettings.Builder b = ServerSettings.builder(protocol);
        b.host(string(o, "host", path).orElse(""));
        if (o.has("port")) {
            b.port(port(o.get("port"), path + ".port"));
        }
        Optional<String> security = string(o, "security", path);
        if (security.isPresent()) {
            b.security(Security.parse(security.get()).orElseThrow(() -> new UsageException(path
                    + ".security must be none, starttls or tls: " + security.get())));
        }
        Optional<String> auth = string(o, "auth", path);
        if (auth.isPresent()) {
            b.auth(AuthMethod.parse(auth.get()).orElseThrow(() -> new UsageException(path
                    + ".auth must be none, password, oauth2 or app-password: " + auth.get())));
        }
        b.username(string(o, "username", path).orElse(null));
        b.passwordSet(bool(o, "passwordSet", path).orElse(false));
        b.enabled(bool(o, "enabled", path).orElse(true));
        return b.build();
    }

    private static void refusePassword(JsonObject o, String path) throws UsageException {
        if (o.has("password")) {
            throw new UsageException(path + ".password: Relaybench does not read passwords from files; "
                    + "say whether the field is filled in with \"passwordSet\": true|false");
        }
    }

    private static int port(JsonElement e, String path) throws UsageException {
        try {
            int port = e.getAsInt();
            if (port < 0 || port > 65535 || e.getAsDouble() != port) {
                throw new UsageException(path + " must be a port number 0..65535: " + e);
            }
            return port;
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException ex) {
            throw new UsageException(path + " must be a port number: " + e);
        }
    }

    private static Optional<String> string(JsonObject o, String member, String path) throws UsageException {
        JsonElement e = o.get(member);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        if (!e.isJsonPrimitive()) {
            throw new UsageException(path + "." + member + " must be a string");
        }
        return Optional.of(e.getAsString());
    }

    private static Optional<Boolean> bool(JsonObject o, String member, String path) throws UsageException {
        JsonElement e = o.get(member);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw new UsageException(path + "." + member + " must be true or false");
        }
        return Optional.of(e.getAsBoolean());
    }

    private static JsonObject object(JsonObject o, String member, String path) throws UsageException {
        JsonElement e = o.get(member);
        if (!e.isJsonObject()) {
            throw new UsageException(path + "." + member + " must be an object");
        }
        return e.getAsJsonObject();
    }

    private static JsonArray array(JsonObject o, String member, String path) throws UsageException {
        JsonElement e = o.get(member);
        if (!e.isJsonArray()) {
            throw new UsageException(path + "." + member + " must be an array");
        }
        return e.getAsJsonArray();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
