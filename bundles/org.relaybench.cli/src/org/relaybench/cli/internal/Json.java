package org.relaybench.cli.internal;

import java.io.IOException;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;

/** The one JSON writer of the command line: pretty, HTML characters not escaped, nulls kept. */
public final class Json {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();

    private static final Gson LINE = new GsonBuilder().disableHtmlEscaping().serializeNulls()
            .registerTypeAdapter(Raw.class, new TypeAdapter<Raw>() {
                @Override
                public void write(JsonWriter out, Raw value) throws IOException {
                    out.jsonValue(value.json());
                }

                @Override
                public Raw read(JsonReader in) {
                    throw new UnsupportedOperationException("raw JSON is only written");
                }
            }).create();

    /**
     * JSON text already written, put into a tree as it is (a part many lines share, written once).
     *
     * @param json the JSON text of one value
     */
    public record Raw(String json) {
    }

    private Json() {
    }

    /**
     * @param tree a tree of maps, lists, strings, numbers and booleans
     * @return the JSON text
     */
    public static String write(Object tree) {
        return GSON.toJson(tree);
    }

    /**
     * @param tree a tree of maps, lists, strings, numbers and booleans
     * @return the JSON text on one line, for JSON Lines
     */
    public static String line(Object tree) {
        StringBuilder b = new StringBuilder(8192); // not a StringWriter: its StringBuffer locks on every append
        LINE.toJson(tree, b);
        return b.toString();
    }
}
