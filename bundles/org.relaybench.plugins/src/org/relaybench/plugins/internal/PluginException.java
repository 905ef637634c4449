package org.relaybench.plugins.internal;

/** Installing, listing or removing plugins failed; the kind tells whose fault it was. */
public final class PluginException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The repository could not be reached or is not a p2 repository. */
        REPOSITORY,
        /** No installable unit or plugin of that id. */
        NOT_FOUND,
        /** The plugin's requirements cannot be met in this installation, or it is not a plugin. */
        CONFLICT,
        /**
         * Refused: artifacts that are unsigned, signed by a signer the installation does not trust,
         * or changed after they were signed. Nothing was installed.
         */
        UNTRUSTED,
        /** This installation cannot be changed (no p2 profile, not writable) or p2 failed. */
        FAILED
    }

    private final Kind kind;

    /**
     * @param kind what went wrong
     * @param message said so that an operator can act on it
     */
    public PluginException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** @return what went wrong */
    public Kind kind() {
        return kind;
    }

    /** @return whether the input was at fault (bad repository, unknown id, conflict), not the installation */
    public boolean isInputError() {
        return kind != Kind.FAILED;
    }
}
