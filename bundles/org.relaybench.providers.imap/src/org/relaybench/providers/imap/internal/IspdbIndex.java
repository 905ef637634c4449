package org.relaybench.providers.imap.internal;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one check of the ISPDB folder found: the providers read, indexed by every domain they list,
 * and the files that could not be read. Immutable; {@link IspdbDirectory} replaces it as a whole.
 * <p>
 * When two files list the same domain, the file whose path sorts first wins, so the same folder
 * always gives the same index.
 */
public final class IspdbIndex {

    /** An index of no folder: nothing configured. */
    public static final IspdbIndex EMPTY = new IspdbIndex(Optional.empty(), Map.of(), List.of());

    /**
     * What was seen of one file, and when it changed, so that unchanged files are not read again.
     *
     * @param modified the file's modification time at the check
     * @param size the file's size in bytes at the check
     * @param config the provider read from it, when it could be read
     * @param problem why it could not be read, otherwise
     */
    record FileState(FileTime modified, long size, Optional<IspdbConfig> config, Optional<IspdbException> problem) {

        boolean unchanged(FileTime otherModified, long otherSize) {
            return modified.equals(otherModified) && size == otherSize;
        }
    }

    private final Optional<Path> folder;
    private final Map<Path, FileState> files;
    private final List<IspdbException> folderProblems;
    private final Map<String, IspdbConfig> byDomain;

    IspdbIndex(Optional<Path> folder, Map<Path, FileState> files, List<IspdbException> folderProblems) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.files = Collections.unmodifiableMap(new TreeMap<>(files));
        this.folderProblems = List.copyOf(folderProblems);
        Map<String, IspdbConfig> domains = new LinkedHashMap<>();
        for (FileState state : this.files.values()) {
            state.config().ifPresent(c -> c.domains().forEach(d -> domains.putIfAbsent(d, c)));
        }
        this.byDomain = Collections.unmodifiableMap(domains);
    }

    /** @return the folder that was read, empty when none is configured */
    public Optional<Path> folder() {
        return folder;
    }

    /**
     * @param domain an e-mail domain, in any case, with or without a trailing dot
     * @return the provider that lists it, when one does
     */
    public Optional<IspdbConfig> lookup(String domain) {
        if (domain == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byDomain.get(domain.trim().toLowerCase(Locale.ROOT).replaceFirst("\\.$", "")));
    }

    /** @return the providers read, in the order of their files' paths */
    public List<IspdbConfig> configs() {
        return files.values().stream().map(FileState::config).flatMap(Optional::stream).toList();
    }

    /** @return why the folder or some files could not be read: the folder first, then files by path */
    public List<IspdbException> problems() {
        List<IspdbException> all = new ArrayList<>(folderProblems);
        files.values().forEach(f -> f.problem().ifPresent(all::add));
        return List.copyOf(all);
    }

    Map<Path, FileState> files() {
        return files;
    }

    List<IspdbException> folderProblems() {
        return folderProblems;
    }

    @Override
    public String toString() {
        return "IspdbIndex[" + folder.map(Path::toString).orElse("not configured") + ": " + configs().size()
                + " providers, " + byDomain.size() + " domains, " + problems().size() + " problems]";
    }
}
