package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.tests.common.Mutator;
import org.relaybench.tests.common.OsgiServices;
import org.relaybench.tests.common.TestBundles;

/**
 * Third-party plugins as a careless or hostile author ships them: mutations of a real provider's
 * {@code plugin.xml} and of its manifest headers, installed at run time. The catalog reads each or
 * lists its problems, nothing escapes from the catalog or the engine, and the built-in AOL provider
 * diagnoses as before after every one.
 */
class ContributionMutationTest {

    private static final int CASES = 40;

    @Test
    void mutatedContributionsNeverBreakTheCatalogOrTheBuiltInProviders() throws Exception {
        String aolXml = aolPluginXml().replace("\"aol\"", "\"mutant\"").replace("aol.com", "mutant.example");
        Mutator m = new Mutator(20261204L, List.of("<", ">", "</", "/>", "\"", "=", "&", "&amp;", "<![CDATA[", "]]>",
                "<!DOCTYPE plugin [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;",
                "<extension point=\"org.relaybench.core.providers\">", "<provider id=\"aol\" name=\"Fake AOL\">",
                "priority=\"99999999999\"", "priority=\"-5\"", "port=\"70000\"", "class=\"no.such.Rule\"",
                "class=\"java.lang.Object\"", "<rule id=\"x\">", "<domain name=\"*\"/>", "\u0000", "\uFEFF"));
        ProviderCatalog catalog = OsgiServices.service(ProviderCatalog.class);
        DiagnosisEngine engine = OsgiServices.service(DiagnosisEngine.class);
        Map<String, String> headerMutations = new LinkedHashMap<>();
        headerMutations.put("Bundle-Version", "1.0.0.qualifier.x.y");
        headerMutations.put("Require-Bundle", "org.relaybench.core;bundle-version=\"[9.0,10.0)\"");
        headerMutations.put("Import-Package", "no.such.package");
        headerMutations.put("Bundle-RequiredExecutionEnvironment", "JavaSE-99");
        headerMutations.put("Relaybench-Provider", "mutant,\u0000,,");
        int installed = 0;
        int refusedByFramework = 0;
        for (int i = 0; i < CASES; i++) {
            String xml = i % 4 == 3 ? aolXml : m.mutate(aolXml);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Relaybench-Provider", "mutant");
            if (i % 4 == 3) { // a valid plugin.xml behind a broken manifest
                List<String> keys = List.copyOf(headerMutations.keySet());
                String key = keys.get(m.random().nextInt(keys.size()));
                headers.put(key, m.mutate(headerMutations.get(key)));
            }
            Bundle bundle;
            try {
                bundle = TestBundles.install("relaybench-test:mutant-" + i,
                        TestBundles.jar("org.relaybench.tests.mutant" + i, headers, xml));
            } catch (BundleException e) {
                refusedByFramework++; // the framework refuses the manifest: nothing reaches the catalog
                continue;
            }
            installed++;
            try {
                try {
                    bundle.start();
                } catch (BundleException e) {
                    // an unresolvable plugin: the catalog lists it as a load problem
                }
                ProviderCatalog.Snapshot snapshot = catalog.awaitCurrent(Duration.ofSeconds(10));
                assertTrue(snapshot.provider("aol").isPresent(), "case " + i + " (seed " + m.seed() + ")");
                Diagnosis d = engine.diagnose(aolIphone());
                assertEquals("aol", d.provider().orElseThrow().id(), "case " + i + " (seed " + m.seed() + ")");
                assertEquals("smtp-auth-missing", d.findings().get(0).code(), "case " + i + " (seed " + m.seed() + ")");
            } catch (RuntimeException e) {
                fail("case " + i + " (seed " + m.seed() + ") threw " + e + " for plugin.xml:\n" + xml, e);
            } finally {
                bundle.uninstall();
            }
        }
        assertTrue(installed > CASES / 2, "installed " + installed + ", refused by the framework " + refusedByFramework);
        catalog.awaitCurrent(Duration.ofSeconds(10));
        assertTrue(catalog.snapshot().providers().stream().noneMatch(p -> p.id().equals("mutant")),
                "every mutant is gone with its bundle");
    }

    private static AccountProfile aolIphone() {
        return AccountProfile.builder("pat.lee@aol.com").client(ClientInfo.parse("ios-12"))
                .errorText("The recipient was rejected by the server because it does not allow relaying.")
                .outgoing(ServerSettings.builder(MailProtocol.SMTP).host("smtp.aol.com").port(587)
                        .security(Security.STARTTLS).auth(AuthMethod.NONE).build())
                .build();
    }

    private static String aolPluginXml() throws Exception {
        for (Bundle b : FrameworkUtil.getBundle(ContributionMutationTest.class).getBundleContext().getBundles()) {
            if (b.getSymbolicName().equals("org.relaybench.providers.aol")) {
                URL entry = b.getEntry("plugin.xml");
                try (InputStream in = entry.openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("the AOL provider bundle is not in the test runtime");
    }
}
