package org.relaybench.providers.imap.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IPreferencesService;

/**
 * The folder of ISPDB files the operator configured, and an index of it kept up to date.
 * <p>
 * The folder is named by the system property {@value #PROPERTY}; when that is not set, by the
 * preference {@value #PREFERENCE_KEY} of the node {@value #PREFERENCE_NODE} (instance scope, the
 * workspace, as the workbench's Preferences write it; else configuration scope, a shared area IT
 * controls); else by the environment variable {@value #ENVIRONMENT}; with none the index is empty. Every {@code *.xml}
 * file directly in the folder is read and indexed by every {@code domain} it lists. Files that cannot
 * be read are logged once (until they change) and left out; the others load.
 * <p>
 * Concurrency and cost: lookups read an immutable {@link IspdbIndex} from a volatile field and never
 * wait. At most once per {@link #CHECK_INTERVAL_NANOS} one caller checks the folder for changes (a
 * listing with sizes and modification times, and the configured path again); only changed files are
 * read. Other callers meanwhile use the index they find. Only the very first lookup waits for the
 * folder to be read.
 */
public final class IspdbDirectory {

    /** The system property naming the ISPDB folder. */
    public static final String PROPERTY = "org.relaybench.providers.imap.ispdb";
    /** The preference node (this bundle's) of {@value #PREFERENCE_KEY}. */
    public static final String PREFERENCE_NODE = "org.relaybench.providers.imap";
    /** The preference naming the ISPDB folder when the property is not set. */
    public static final String PREFERENCE_KEY = "ispdb";
    /** The environment variable naming the ISPDB folder when neither the property nor the preference is set. */
    public static final String ENVIRONMENT = "RELAYBENCH_ISPDB";
    /** How often at most the folder is checked for changes: one second. */
    public static final long CHECK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final AtomicReference<String> LAST_INVALID = new AtomicReference<>();
    private static final IspdbDirectory SHARED = new IspdbDirectory(IspdbDirectory::configuredFolder, System::nanoTime);

    /** The index and when the folder was last checked for it. */
    private record State(IspdbIndex index, long checkedAt) {
    }

    private final Supplier<Optional<Path>> folder;
    private final LongSupplier clock;
    private final IspdbParser parser = new IspdbParser();
    private final ReentrantLock checking = new ReentrantLock();
    private volatile State state;

    /**
     * @param folder tells which folder to read now; empty when none is configured
     * @param clock a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
     */
    public IspdbDirectory(Supplier<Optional<Path>> folder, LongSupplier clock) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the directory configured by {@value #PROPERTY} or {@value #ENVIRONMENT}, shared by all rules */
    public static IspdbDirectory shared() {
        return SHARED;
    }

    /**
     * @return the folder named by {@value #PROPERTY}, else by the preference, else by
     *         {@value #ENVIRONMENT}, when one is set
     */
    public static Optional<Path> configuredFolder() {
        String property = System.getProperty(PROPERTY);
        if (property == null || property.isBlank()) {
            property = preference();
        }
        return configuredFolder(property, System.getenv(ENVIRONMENT));
    }

    /** @return the preference's value; null when not set, or outside a running platform (a benchmark's plain JVM) */
    private static String preference() {
        try {
            IPreferencesService service = Platform.getPreferencesService();
            return service == null ? null : service.getString(PREFERENCE_NODE, PREFERENCE_KEY, null, null);
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /**
     * @param property the value of {@value #PROPERTY}, may be null
     * @param environment the value of {@value #ENVIRONMENT}, may be null
     * @return the folder the property names, else the one the environment variable names
     */
    public static Optional<Path> configuredFolder(String property, String environment) {
        String value = property != null && !property.isBlank() ? property : environment;
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(value.trim()));
        } catch (InvalidPathException e) {
            // read again at every check: report a bad value once, not every second
            if (!value.equals(LAST_INVALID.getAndSet(value))) {
                ILog.of(IspdbDirectory.class).warn("No ISPDB data: the configured folder '" + value
                        + "' is not a valid path: " + e.getReason());
            }
            return Optional.empty();
        }
    }

    /**
     * @param domain an e-mail domain
     * @return the ISPDB provider listing it, when one does
     */
    public Optional<IspdbConfig> lookup(String domain) {
        return index().lookup(domain);
    }

    /** @return the current index, checking the folder first when the last check is a second old */
    public IspdbIndex index() {
        State current = state;
        if (current == null) {
            checking.lock();
            try {
                State latest = state;
                return latest != null ? latest.index() : checkNow().index();
            } finally {
                checking.unlock();
            }
        }
        // callers that find another caller checking do not wait: they use the index they have
        if (clock.getAsLong() - current.checkedAt() >= CHECK_INTERVAL_NANOS && checking.tryLock()) {
            try {
                State latest = state;
                return clock.getAsLong() - latest.checkedAt() >= CHECK_INTERVAL_NANOS ? checkNow().index()
                        : latest.index();
            } finally {
                checking.unlock();
            }
        }
        return current.index();
    }

    /**
     * Checks the folder now, whenever it was checked last.
     *
     * @return the index after the check
     */
    public IspdbIndex refresh() {
        checking.lock();
        try {
            return checkNow().index();
        } finally {
            checking.unlock();
        }
    }

    /** Called with {@link #checking} held. */
    private State checkNow() {
        State previous = state;
        IspdbIndex old = previous == null ? IspdbIndex.EMPTY : previous.index();
        State next = new State(scan(folder.get(), old), clock.getAsLong());
        state = next;
        return next;
    }

    private IspdbIndex scan(Optional<Path> configured, IspdbIndex old) {
        if (configured.isEmpty()) {
            return IspdbIndex.EMPTY;
        }
        Path dir = configured.get();
        boolean sameFolder = old.folder().equals(configured);
        Map<Path, BasicFileAttributes> listed = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, IspdbDirectory::isXml)) {
            for (Path file : stream) {
                attributes(file).filter(BasicFileAttributes::isRegularFile).ifPresent(a -> listed.put(file, a));
            }
        } catch (IOException | DirectoryIteratorException | UncheckedIOException e) {
            IspdbException problem = new IspdbException(dir.toString(), 0,
                    "cannot be read as a folder of ISPDB files: " + describe(e));
            boolean known = sameFolder
                    && old.folderProblems().stream().anyMatch(p -> p.getMessage().equals(problem.getMessage()));
            if (!known) {
                ILog.of(IspdbDirectory.class).warn("No ISPDB data: " + problem.getMessage());
            }
            return new IspdbIndex(configured, Map.of(), List.of(problem));
        }
        Map<Path, IspdbIndex.FileState> files = new TreeMap<>();
        listed.forEach((file, attributes) -> {
            IspdbIndex.FileState seen = sameFolder ? old.files().get(file) : null;
            files.put(file, seen != null && seen.unchanged(attributes.lastModifiedTime(), attributes.size()) ? seen
                    : read(file, attributes));
        });
        if (sameFolder && old.folderProblems().isEmpty() && files.equals(old.files())) {
            return old;
        }
        return new IspdbIndex(configured, files, List.of());
    }

    private IspdbIndex.FileState read(Path file, BasicFileAttributes attributes) {
        try {
            if (attributes.size() > IspdbParser.MAX_BYTES) {
                throw IspdbParser.tooLarge(file.toString());
            }
            return new IspdbIndex.FileState(attributes.lastModifiedTime(), attributes.size(),
                    Optional.of(parser.parse(file)), Optional.empty());
        } catch (IspdbException e) {
            return skipped(attributes, e);
        } catch (RuntimeException e) {
            // a parser fault on strange input must not keep the other files from loading
            return skipped(attributes, new IspdbException(file.toString(), 0, "could not be read: " + e, e));
        }
    }

    private static IspdbIndex.FileState skipped(BasicFileAttributes attributes, IspdbException problem) {
        // the stack trace only helps with parser faults; a malformed file is fully described by its message
        Throwable trace = problem.getCause() instanceof RuntimeException ? problem.getCause() : null;
        ILog.of(IspdbDirectory.class).warn("ISPDB file skipped: " + problem.getMessage(), trace);
        return new IspdbIndex.FileState(attributes.lastModifiedTime(), attributes.size(), Optional.empty(),
                Optional.of(problem));
    }

    /** @return the file's attributes, or empty when it vanished since the listing (it is then simply gone) */
    private static Optional<BasicFileAttributes> attributes(Path file) {
        try {
            return Optional.of(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e instanceof DirectoryIteratorException || e instanceof UncheckedIOException
                ? e.getCause() : e;
        if (cause instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (cause instanceof NotDirectoryException) {
            return "it is not a folder";
        }
        if (cause instanceof AccessDeniedException) {
            return "access denied";
        }
        return String.valueOf(cause);
    }

    private static boolean isXml(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".xml");
    }
}
