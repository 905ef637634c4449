package org.relaybench.store;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;

/**
 * Passwords the agent asked Relaybench to remember, kept encrypted in Eclipse secure storage and
 * nowhere else: never in the session log, never in a log file. One entry per account address, under
 * the node {@code org.relaybench/accounts}, and one per session store URL (the database password of
 * a shared store, set on the workbench's preference page) under {@code org.relaybench/stores}.
 * <p>
 * Passwords travel as {@code char[]} and the byte copies made for storage are wiped after use; the
 * caller wipes its own arrays.
 *
 * @since 0.1
 */
public final class RememberedPasswords {

    private static final String NODE = "org.relaybench/accounts";
    private static final String STORES = "org.relaybench/stores";
    private static final String KEY = "password";

    private final ISecurePreferences root;

    /**
     * @param root the secure storage to use, e.g. one opened on a file for tests
     */
    public RememberedPasswords(ISecurePreferences root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /**
     * @return the user's default secure storage
     * @throws StoreException when there is none (no password provider is installed)
     */
    public static RememberedPasswords openDefault() {
        ISecurePreferences root = SecurePreferencesFactory.getDefault();
        if (root == null) {
            throw new StoreException("Eclipse secure storage is not available", null);
        }
        return new RememberedPasswords(root);
    }

    /**
     * Remembers a password, encrypted, replacing any remembered before.
     *
     * @param accountEmail the account's address
     * @param password the password; not kept by reference
     * @throws StoreException when secure storage refuses (no master password, cancelled)
     */
    public void remember(String accountEmail, char[] password) {
        put(path(accountEmail), password);
    }

    /**
     * Keeps the database password of a session store, encrypted, replacing any kept before.
     *
     * @param jdbcUrl the store's URL, which carries no password itself
     * @param password the password; not kept by reference
     * @throws IllegalArgumentException when the URL carries a password
     * @throws StoreException when secure storage refuses (no master password, cancelled)
     * @since 0.3
     */
    public void rememberStore(String jdbcUrl, char[] password) {
        put(storePath(jdbcUrl), password);
    }

    /**
     * @param jdbcUrl the store's URL
     * @return the store's database password, a fresh array the caller should wipe after use
     * @throws StoreException when secure storage cannot decrypt it
     * @since 0.3
     */
    public Optional<char[]> recallStore(String jdbcUrl) {
        return get(storePath(jdbcUrl));
    }

    /**
     * Forgets the database password of a session store, if one was kept.
     *
     * @param jdbcUrl the store's URL
     * @throws StoreException when secure storage cannot be written
     * @since 0.3
     */
    public void forgetStore(String jdbcUrl) {
        remove(storePath(jdbcUrl));
    }

    private void put(String path, char[] password) {
        byte[] bytes = encode(Objects.requireNonNull(password, "password"));
        try {
            ISecurePreferences node = root.node(path);
            node.putByteArray(KEY, bytes, true);
            node.flush();
        } catch (StorageException | java.io.IOException e) {
            throw new StoreException("cannot keep the password in secure storage: " + e.getMessage(), e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * @param accountEmail the account's address
     * @return the remembered password, a fresh array the caller should wipe after use
     * @throws StoreException when secure storage cannot decrypt it
     */
    public Optional<char[]> recall(String accountEmail) {
        return get(path(accountEmail));
    }

    private Optional<char[]> get(String path) {
        if (!root.nodeExists(path)) {
            return Optional.empty();
        }
        byte[] bytes = null;
        try {
            bytes = root.node(path).getByteArray(KEY, null);
            if (bytes == null) {
                return Optional.empty();
            }
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            char[] out = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return Optional.of(out);
        } catch (StorageException e) {
            throw new StoreException("cannot read the password from secure storage: " + e.getMessage(), e);
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    /**
     * Forgets the password of an account, if one was remembered.
     *
     * @param accountEmail the account's address
     * @throws StoreException when secure storage cannot be written
     */
    public void forget(String accountEmail) {
        remove(path(accountEmail));
    }

    private void remove(String path) {
        if (!root.nodeExists(path)) {
            return;
        }
        root.node(path).removeNode();
        try {
            root.flush();
        } catch (java.io.IOException e) {
            throw new StoreException("cannot update secure storage: " + e.getMessage(), e);
        }
    }

    private static String path(String accountEmail) {
        String email = Objects.requireNonNull(accountEmail, "accountEmail").trim().toLowerCase(Locale.ROOT);
        return NODE + "/" + EncodingUtils.encodeSlashes(email);
    }

    private static String storePath(String jdbcUrl) {
        String url = Objects.requireNonNull(jdbcUrl, "jdbcUrl").trim();
        if (SessionStores.carriesPassword(url)) {
            throw new IllegalArgumentException("a URL that carries a password: " + SessionStores.describe(url));
        }
        return STORES + "/" + EncodingUtils.encodeSlashes(url);
    }

    private static byte[] encode(char[] password) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }
}
