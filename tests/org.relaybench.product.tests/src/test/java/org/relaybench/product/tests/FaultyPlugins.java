package org.relaybench.product.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Provider plugins with one fault each, made as jars the way a careless author would ship them. The
 * rule classes come from the deliberately faulty test bundle ({@code org.relaybench.tests.faulty}).
 */
final class FaultyPlugins {

    /** One faulty plugin: its bundle, the provider it declares (if any) and the fault. */
    record Kind(String bundle, String provider, String fault) {
    }

    static final Kind MALFORMED = new Kind("org.relaybench.tests.plugin.malformed", "malformed-isp",
            "a provider without its required name");
    static final Kind CLASS_MISSING = new Kind("org.relaybench.tests.plugin.classload", "classload-isp",
            "a code rule whose class is not in the bundle");
    static final Kind THROWS = new Kind("org.relaybench.tests.plugin.throws", "throws-isp", "a code rule that throws");
    static final Kind LOOPS = new Kind("org.relaybench.tests.plugin.loops", "loops-isp", "a code rule that never returns");
    static final Kind UNRESOLVED = new Kind("org.relaybench.tests.plugin.unresolved", "unresolved-isp",
            "Require-Bundle of a bundle that is not installed");
    static final List<Kind> ALL = List.of(MALFORMED, CLASS_MISSING, THROWS, LOOPS, UNRESOLVED);

    private static final String FAULTY_PACKAGE = "org/relaybench/tests/faulty/";

    private FaultyPlugins() {
    }

    /** Writes every faulty plugin into the folder, as {@code <bundle>_1.0.0.jar}. */
    static void writeAll(Path folder) throws IOException {
        Files.createDirectories(folder);
        write(folder, MALFORMED, Map.of(), """
                <provider id="malformed-isp">
                   <domain name="malformed-isp.example"/>
                </provider>
                <provider id="Malformed ISP" name="Bad id"><domain name="bad-id.example"/></provider>
                """, null);
        write(folder, CLASS_MISSING, Map.of(), provider(CLASS_MISSING,
                "<rule id=\"checks\" class=\"org.relaybench.tests.faulty.NoSuchRule\"/>"), null);
        write(folder, THROWS, Map.of(), provider(THROWS,
                "<rule id=\"throws\" class=\"org.relaybench.tests.faulty.ThrowingRule\"/>"), "ThrowingRule.class");
        write(folder, LOOPS, Map.of(), provider(LOOPS,
                "<rule id=\"loops\" class=\"org.relaybench.tests.faulty.HangingRule\"/>"), "HangingRule.class");
        write(folder, UNRESOLVED, Map.of("Require-Bundle", "org.relaybench.tests.nowhere;bundle-version=\"[1.0.0,2.0.0)\""),
                provider(UNRESOLVED, ""), null);
    }

    /** @return a valid provider of the kind's id and domain, with the given extra children */
    private static String provider(Kind kind, String children) {
        return """
                <provider id="%s" name="Faulty plugin %s" priority="5">
                   <domain name="%s.example"/>
                   <outgoingServer host="smtp.%s.example" port="465" security="tls" auth="password" username="email" preferred="true"/>
                   %s
                </provider>
                """.formatted(kind.provider(), kind.provider(), kind.provider(), kind.provider(), children);
    }

    private static void write(Path folder, Kind kind, Map<String, String> headers, String providers, String ruleClass)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", kind.bundle() + ";singleton:=true");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Bundle-Name", "Faulty plugin: " + kind.fault());
        a.putValue("Require-Bundle", headers.getOrDefault("Require-Bundle", "org.relaybench.core"));
        String pluginXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <?eclipse version="3.4"?>
                <plugin>
                   <extension point="org.relaybench.core.providers">
                %s
                   </extension>
                </plugin>
                """.formatted(providers);
        try (OutputStream out = Files.newOutputStream(folder.resolve(kind.bundle() + "_1.0.0.jar"));
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("plugin.xml"));
            jar.write(pluginXml.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            if (ruleClass != null) {
                jar.putNextEntry(new JarEntry(FAULTY_PACKAGE + ruleClass));
                jar.write(ruleClassBytes(ruleClass));
                jar.closeEntry();
            }
        }
    }

    private static byte[] ruleClassBytes(String name) throws IOException {
        try (JarFile faulty = new JarFile(System.getProperty("relaybench.faultyBundle"))) {
            JarEntry entry = faulty.getJarEntry(FAULTY_PACKAGE + name);
            if (entry == null) {
                throw new IllegalStateException(name + " is not in " + faulty.getName());
            }
            try (InputStream in = faulty.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }
}
