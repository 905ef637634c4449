package org.relaybench.session.internal;

/** What went wrong in a JSON text, for the messages of every reader of outside JSON in this bundle. */
public final class JsonErrors {

    private JsonErrors() {
    }

    /**
     * @param e what the JSON parser threw
     * @return the innermost cause's message, or "nested too deeply" for a stack overflow
     */
    public static String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "nested too deeply";
        }
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
