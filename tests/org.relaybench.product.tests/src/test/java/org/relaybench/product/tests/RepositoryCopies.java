package org.relaybench.product.tests;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Copies of the example's signed update site, changed as someone between its author and a center
 * could change them: its signatures stripped, or an artifact changed after it was signed. Both keep
 * {@code artifacts.xml} consistent otherwise (no checksum left to betray the change), so that only
 * the signature check can tell.
 */
final class RepositoryCopies {

    private RepositoryCopies() {
    }

    /** @return a copy whose artifacts carry no PGP signatures and no keys: an unsigned update site */
    static Path unsigned(Path signed, Path target) throws IOException {
        copy(signed, target);
        String xml = artifactsXml(target);
        xml = xml.replaceAll("\\s*<property name='pgp\\.(signatures|publicKeys)' value='[^']*'/>", "");
        writeArtifactsXml(target, xml);
        return target;
    }

    /**
     * @return a copy in which one byte of the provider bundle's jar differs (the first entry's
     *         modification time, so the jar stays a valid jar), and whose checksums are gone
     */
    static Path tampered(Path signed, Path target) throws IOException {
        copy(signed, target);
        Path jar = bundleJar(target);
        byte[] bytes = Files.readAllBytes(jar);
        bytes[10] ^= 0x01; // local file header of the first entry: last modification time, low byte
        Files.write(jar, bytes);
        String xml = artifactsXml(target);
        xml = xml.replaceAll("\\s*<property name='(download|artifact)\\.(checksum\\.[^']+|md5)' value='[^']*'/>", "");
        writeArtifactsXml(target, xml);
        return target;
    }

    /** Signs a jar in place, as jarsigner does. */
    interface JarSigner {
        void sign(Path jar) throws IOException;
    }

    /**
     * @return a copy whose jars (bundle and feature) are signed with jarsigner instead of PGP (no PGP signatures, no
     *         checksums, since the jar changed)
     */
    static Path jarSigned(Path signed, Path target, JarSigner signer) throws IOException {
        unsigned(signed, target);
        for (String folder : new String[] { "plugins", "features" }) {
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(target.resolve(folder), "*.jar")) {
                for (Path jar : jars) {
                    signer.sign(jar);
                }
            }
        }
        String xml = artifactsXml(target);
        xml = xml.replaceAll("\\s*<property name='(download|artifact)\\.(checksum\\.[^']+|md5|size)' value='[^']*'/>", "");
        writeArtifactsXml(target, xml);
        return target;
    }

    static Path bundleJar(Path repository) throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(repository.resolve("plugins"), ExampleBuild.BUNDLE + "_*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        throw new AssertionError("no " + ExampleBuild.BUNDLE + " jar in " + repository);
    }

    private static void copy(Path source, Path target) throws IOException {
        Product.deleteTree(target);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    private static String artifactsXml(Path repository) throws IOException {
        Path xml = repository.resolve("artifacts.xml");
        if (Files.isRegularFile(xml)) {
            return Files.readString(xml);
        }
        try (ZipFile jar = new ZipFile(repository.resolve("artifacts.jar").toFile())) {
            ZipEntry entry = jar.getEntry("artifacts.xml");
            try (InputStream in = jar.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** Writes a plain artifacts.xml, the only form p2 then finds (the compressed ones are deleted). */
    private static void writeArtifactsXml(Path repository, String xml) throws IOException {
        Files.deleteIfExists(repository.resolve("artifacts.jar"));
        Files.deleteIfExists(repository.resolve("artifacts.xml.xz"));
        Files.writeString(repository.resolve("artifacts.xml"), xml);
    }
}
