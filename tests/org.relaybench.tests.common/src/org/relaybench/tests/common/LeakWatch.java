package org.relaybench.tests.common;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension that watches the platform log during each test
 * ({@code @RegisterExtension final LeakWatch leaks = new LeakWatch();}), and checks that a known
 * password appears nowhere: not in the texts a test collected (reports, transcripts, what a command
 * printed) nor in what was logged, in plain or in any of the base64 forms SMTP AUTH sends it.
 */
public final class LeakWatch implements BeforeEachCallback, AfterEachCallback {

    private final List<String> logged = new ArrayList<>();
    private final ILogListener listener = (status, plugin) -> record(status);

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (logged) {
            logged.clear();
        }
        Platform.addLogListener(listener);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Platform.removeLogListener(listener);
    }

    private void record(IStatus status) {
        synchronized (logged) {
            logged.add(status.toString());
            if (status.getException() != null) {
                logged.add(String.valueOf(status.getException()));
            }
        }
    }

    /**
     * @param user the login
     * @param password the password
     * @return the password and every form an AUTH exchange puts it in (LOGIN's and PLAIN's base64)
     */
    public static List<String> forms(String user, String password) {
        Base64.Encoder b64 = Base64.getEncoder();
        return List.of(password, b64.encodeToString(password.getBytes(StandardCharsets.UTF_8)),
                b64.encodeToString(("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Fails when a form of the password is in one of the texts or in what was logged so far.
     *
     * @param user the login
     * @param password the password
     * @param outputs the texts to search
     */
    public void assertNowhere(String user, String password, String... outputs) {
        List<String> all = new ArrayList<>(List.of(outputs));
        synchronized (logged) {
            all.addAll(logged);
        }
        for (String form : forms(user, password)) {
            for (String out : all) {
                assertFalse(out.contains(form), () -> "the password (as " + form + ") leaked into: " + out);
            }
        }
    }
}
