package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.FrameworkWiring;
import org.relaybench.core.providers.ProviderCatalog;

/** Providers installed and removed while running appear in and leave the catalog (registry listener). */
class DynamicProviderTest {

    @Test
    void providerInstalledAtRunTimeAppearsAndLeaves() throws Exception {
        ProviderCatalog catalog = Osgi.service(ProviderCatalog.class);
        List<ProviderCatalog.Snapshot> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable subscription = catalog.addListener(seen::add)) {
            long before = catalog.snapshot().generation();
            Bundle bundle = Osgi.context().installBundle("relaybench-test:dynamic-provider",
                    new ByteArrayInputStream(providerBundle()));
            try {
                Osgi.context().getBundle(0).adapt(FrameworkWiring.class).resolveBundles(List.of(bundle));
                Osgi.await("dynamic provider in the catalog",
                        () -> catalog.snapshot().provider("dynamic-isp").isPresent());
                assertTrue(catalog.snapshot().generation() > before);
                assertEquals("org.relaybench.tests.dynamic", catalog.snapshot().provider("dynamic-isp").get()
                        .origin().bundle());
                assertTrue(seen.stream().anyMatch(s -> s.provider("dynamic-isp").isPresent()),
                        "listeners are told of the new snapshot");
            } finally {
                bundle.uninstall();
            }
            Osgi.await("dynamic provider gone", () -> catalog.snapshot().provider("dynamic-isp").isEmpty());
        }
    }

    private static byte[] providerBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes a = manifest.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", "org.relaybench.tests.dynamic;singleton:=true");
        a.putValue("Bundle-Version", "1.0.0");
        a.putValue("Require-Bundle", "org.relaybench.core");
        String pluginXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <?eclipse version="3.4"?>
                <plugin>
                   <extension point="org.relaybench.core.providers">
                      <provider id="dynamic-isp" name="Dynamic ISP" priority="10">
                         <domain name="dynamic-isp.example"/>
                         <outgoingServer host="smtp.dynamic-isp.example" port="465" security="tls"/>
                      </provider>
                   </extension>
                </plugin>
                """;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("plugin.xml"));
            jar.write(pluginXml.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }
}
