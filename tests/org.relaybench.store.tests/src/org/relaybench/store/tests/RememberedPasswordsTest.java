package org.relaybench.store.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.junit.jupiter.api.Test;
import org.relaybench.store.RememberedPasswords;
import org.relaybench.tests.common.Scratch;

/** Remembered passwords live encrypted in Eclipse secure storage (a file of the test's, not the user's). */
class RememberedPasswordsTest {

    private static ISecurePreferences open(Path file) throws Exception {
        Map<String, Object> options = new HashMap<>();
        options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
        options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("test-master-password".toCharArray()));
        URL url = file.toUri().toURL();
        return SecurePreferencesFactory.open(url, options);
    }

    @Test
    void remembersRecallsAndForgetsEncrypted() throws Exception {
        Path file = Scratch.fresh("secure-remember").resolve("secure_storage");
        char[] password = "c0rrect-h0rse/battery".toCharArray();
        new RememberedPasswords(open(file)).remember("Sam@AOL.com", password);
        String onDisk = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertFalse(onDisk.contains("c0rrect-h0rse"), "encrypted on disk");

        RememberedPasswords again = new RememberedPasswords(open(file));
        assertArrayEquals(password, again.recall("sam@aol.com").orElseThrow(), "addresses ignore case");
        assertTrue(again.recall("other@aol.com").isEmpty());
        again.remember("a/b@example.org", "x".toCharArray());
        assertArrayEquals("x".toCharArray(), again.recall("a/b@example.org").orElseThrow(), "slashes are encoded");

        again.forget("sam@aol.com");
        assertTrue(new RememberedPasswords(open(file)).recall("sam@aol.com").isEmpty());
        again.forget("never@remembered.org");
    }
}
