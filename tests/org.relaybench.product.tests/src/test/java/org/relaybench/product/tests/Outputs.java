package org.relaybench.product.tests;

import java.util.List;
import java.util.Optional;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Reading the JSON the headless commands print. */
final class Outputs {

    private Outputs() {
    }

    static JsonObject json(Product.Run run) {
        if (run.exit() != 0) {
            throw new AssertionError("exit " + run.exit() + ": " + run.err() + run.out());
        }
        return JsonParser.parseString(run.out()).getAsJsonObject();
    }

    /** @return the provider of that id in {@code providers --json} output */
    static Optional<JsonObject> provider(JsonObject providers, String id) {
        return objects(providers, "providers").stream().filter(p -> p.get("id").getAsString().equals(id)).findFirst();
    }

    /** @return the load problems of that contributor in {@code providers --json} output */
    static List<JsonObject> problems(JsonObject providers, String contributor) {
        return objects(providers, "problems").stream()
                .filter(p -> p.get("contributor").getAsString().equals(contributor)).toList();
    }

    static List<JsonObject> objects(JsonObject root, String member) {
        return root.getAsJsonArray(member).asList().stream().map(JsonElement::getAsJsonObject).toList();
    }

    static String source(JsonObject provider) {
        return provider.getAsJsonObject("origin").get("source").getAsString();
    }
}
