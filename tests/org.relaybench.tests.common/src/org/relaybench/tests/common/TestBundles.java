package org.relaybench.tests.common;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;

/** Provider plugin bundles made in memory and installed into the running framework. */
public final class TestBundles {

    private TestBundles() {
    }

    /**
     * @param symbolicName the bundle's symbolic name
     * @param headers further manifest headers
     * @param pluginXml the plugin.xml, or null for none
     * @return the bundle jar's bytes
     * @throws IOException when the jar cannot be written
     */
    public static byte[] jar(String symbolicName, Map<String, String> headers, String pluginXml) throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName + ";singleton:=true");
        a.putValue("Bundle-Version", "1.0.0");
        headers.forEach(a::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            if (pluginXml != null) {
                jar.putNextEntry(new JarEntry("plugin.xml"));
                jar.write(pluginXml.getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * @param id the provider id
     * @param domain its one domain
     * @return a plugin.xml contributing one valid provider of the given id and domain
     */
    public static String provider(String id, String domain) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <?eclipse version="3.4"?>
                <plugin>
                   <extension point="org.relaybench.core.providers">
                      <provider id="%s" name="Test provider %s" priority="10">
                         <domain name="%s"/>
                         <outgoingServer host="smtp.%s" port="465" security="tls"/>
                      </provider>
                   </extension>
                </plugin>
                """.formatted(id, id, domain, domain);
    }

    /**
     * Installs a bundle at a location of the test's choosing and asks the framework to resolve it.
     *
     * @param location the bundle location
     * @param jar the bundle jar's bytes
     * @return the installed bundle, resolved if it could be
     * @throws BundleException when the framework refuses to install it
     */
    public static Bundle install(String location, byte[] jar) throws BundleException {
        Bundle bundle = OsgiServices.context().installBundle(location, new ByteArrayInputStream(jar));
        resolve(bundle);
        return bundle;
    }

    /**
     * Asks the framework to resolve a bundle; whether it could is for the test to check.
     *
     * @param bundle an installed bundle
     */
    public static void resolve(Bundle bundle) {
        OsgiServices.context().getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(bundle));
    }
}
