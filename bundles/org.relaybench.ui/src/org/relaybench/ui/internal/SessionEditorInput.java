package org.relaybench.ui.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * One support session as an editor opens it: a new one (not logged until its first diagnosis) or a
 * logged one by its id. Two inputs of the same logged session are equal, so reopening a session from
 * the history brings its open editor to the front instead of a second copy.
 */
public final class SessionEditorInput implements IEditorInput {

    private static final AtomicLong NEW = new AtomicLong();

    private final long newNumber;
    private volatile String sessionId;
    private volatile String name;

    private SessionEditorInput(long newNumber, String sessionId, String name) {
        this.newNumber = newNumber;
        this.sessionId = sessionId;
        this.name = name;
    }

    /** @return the input of a new, not yet logged session */
    public static SessionEditorInput create() {
        return new SessionEditorInput(NEW.incrementAndGet(), null, Messages.EditorNewSession);
    }

    /**
     * @param sessionId a logged session
     * @param name what the editor tab says
     * @return its input
     */
    public static SessionEditorInput of(String sessionId, String name) {
        return new SessionEditorInput(0, Objects.requireNonNull(sessionId, "sessionId"), name);
    }

    /** @return the logged session's id; empty until the session was logged */
    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /** Called once the new session was logged. */
    void logged(String id, String newName) {
        sessionId = Objects.requireNonNull(id, "id");
        name = newName;
    }

    void rename(String newName) {
        name = newName;
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return sessionId == null ? name : name + " (" + sessionId + ")";
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof SessionEditorInput other)) {
            return false;
        }
        String id = sessionId;
        return id != null ? id.equals(other.sessionId) : other.sessionId == null && newNumber == other.newNumber;
    }

    @Override
    public int hashCode() {
        // constant: a new session's identity changes when it is logged, and the workbench keeps inputs in hash maps
        return SessionEditorInput.class.hashCode();
    }
}
