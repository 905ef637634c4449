package org.relaybench.cli.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The one JSON writer of the command line: pretty, HTML characters not escaped, nulls kept. */
public final class Json {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();

    private static final Gson LINE = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

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
     * @return the JSON text on one line, for JSON Lines ({@link JsonLineWriter} writes the same)
     */
    public static String line(Object tree) {
        StringBuilder b = new StringBuilder(8192); // not a StringWriter: its StringBuffer locks on every append
        LINE.toJson(tree, b);
        return b.toString();
    }
}
