package org.relaybench.store.internal;

import java.util.ArrayList;
import java.util.List;
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

/**
 * The stored JSON form of an account as configured. It is written from the core model, which has no
 * password field, so no password can be stored: only whether the device's field is filled in.
 */
final class AccountCodec {

    private AccountCodec() {
    }

    static JsonObject write(AccountProfile a) {
        JsonObject o = new JsonObject();
        o.addProperty("email", a.email());
        o.addProperty("client", a.client().toString());
        o.addProperty("network", a.network().kind().id());
        a.network().operator().ifPresent(op -> o.addProperty("networkOperator", op));
        o.addProperty("error", a.errorText());
        a.incoming().ifPresent(s -> o.add("incoming", server(s)));
        a.primaryOutgoing().ifPresent(s -> o.add("outgoing", server(s)));
        JsonArray others = new JsonArray();
        a.otherOutgoing().forEach(s -> others.add(server(s)));
        o.add("otherOutgoing", others);
        return o;
    }

    private static JsonObject server(ServerSettings s) {
        JsonObject o = new JsonObject();
        o.addProperty("protocol", s.protocol().id());
        o.addProperty("host", s.host());
        o.addProperty("port", s.port());
        o.addProperty("security", s.security().id());
        o.addProperty("auth", s.auth().id());
        s.username().ifPresent(u -> o.addProperty("username", u));
        o.addProperty("passwordSet", s.passwordSet());
        o.addProperty("enabled", s.enabled());
        return o;
    }

    static AccountProfile read(JsonObject o) {
        AccountProfile.Builder b = AccountProfile.builder(Json.string(o, "email"));
        b.client(ClientInfo.parse(Json.string(o, "client")));
        Network.Kind kind = Network.Kind.parse(Json.string(o, "network")).orElse(Network.Kind.UNKNOWN);
        b.network(new Network(kind, Json.optional(o, "networkOperator")));
        b.errorText(Json.string(o, "error"));
        if (o.has("incoming")) {
            b.incoming(server(o.getAsJsonObject("incoming")));
        }
        if (o.has("outgoing")) {
            b.outgoing(server(o.getAsJsonObject("outgoing")));
        }
        List<ServerSettings> others = new ArrayList<>();
        for (JsonElement e : Json.array(o, "otherOutgoing")) {
            others.add(server(e.getAsJsonObject()));
        }
        others.forEach(b::otherOutgoing);
        return b.build();
    }

    private static ServerSettings server(JsonObject o) {
        MailProtocol protocol = MailProtocol.parse(Json.string(o, "protocol")).orElse(MailProtocol.SMTP);
        return new ServerSettings(protocol, Json.string(o, "host"), o.get("port").getAsInt(),
                Security.parse(Json.string(o, "security")).orElse(Security.NONE),
                AuthMethod.parse(Json.string(o, "auth")).orElse(AuthMethod.NONE), Json.optional(o, "username"),
                o.get("passwordSet").getAsBoolean(), o.get("enabled").getAsBoolean());
    }

    /** @return the words of an account worth finding it by */
    static List<String> searchable(AccountProfile a) {
        List<String> texts = new ArrayList<>(List.of(a.email(), a.errorText(), a.client().kind()));
        a.incoming().ifPresent(s -> texts.add(s.host()));
        a.primaryOutgoing().ifPresent(s -> texts.add(s.host()));
        a.otherOutgoing().forEach(s -> texts.add(s.host()));
        a.network().operator().ifPresent(texts::add);
        return texts;
    }

    static Optional<String> domain(AccountProfile a) {
        return Optional.of(a.domain()).filter(d -> !d.isEmpty());
    }
}
