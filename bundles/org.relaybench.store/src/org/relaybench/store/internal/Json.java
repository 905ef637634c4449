package org.relaybench.store.internal;

import java.time.Instant;
import java.util.Optional;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Small helpers over Gson's tree model for the stored event payloads. */
final class Json {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private Json() {
    }

    static String write(JsonObject o) {
        return GSON.toJson(o);
    }

    static JsonObject parse(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    /** @return the member as a string, empty when absent or null */
    static String string(JsonObject o, String member) {
        JsonElement e = o.get(member);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    static Optional<String> optional(JsonObject o, String member) {
        return Optional.of(string(o, member)).filter(s -> !s.isEmpty());
    }

    static JsonArray array(JsonObject o, String member) {
        JsonElement e = o.get(member);
        return e == null || !e.isJsonArray() ? new JsonArray() : e.getAsJsonArray();
    }

    static Instant instant(JsonObject o, String member) {
        return Instant.parse(string(o, member));
    }
}
