package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaybench.core.Security;
import org.relaybench.core.internal.registry.OriginResolver;
import org.relaybench.core.internal.registry.ProviderRegistryReader;
import org.relaybench.core.providers.LoadProblem;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.providers.RuleCreationException;
import org.relaybench.core.providers.ServerRecommendation;
import org.relaybench.core.rules.RuleDescriptor;
import org.relaybench.tests.common.OsgiServices;

/**
 * The reader against real contributions: the AOL bundle and the deliberately faulty bundle
 * {@code org.relaybench.tests.faulty}, one fault per contribution.
 */
class ProviderRegistryReaderTest {

    private static final String FAULTY = "org.relaybench.tests.faulty";
    private static ProviderRegistryReader.Result result;

    @BeforeAll
    static void read() {
        result = new ProviderRegistryReader(new OriginResolver()).read(RegistryFactory.getRegistry());
    }

    private static ProviderDescriptor provider(String id) {
        return result.providers().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("provider " + id + " not loaded; problems: " + result.problems()));
    }

    private static LoadProblem problem(String elementFragment) {
        return result.problems().stream().filter(p -> p.element().contains(elementFragment)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem for " + elementFragment + " in " + result.problems()));
    }

    @Test
    void aolLoadsWithItsDomainsAndServers() {
        ProviderDescriptor aol = provider("aol");
        assertEquals("org.relaybench.providers.aol", aol.origin().bundle());
        assertTrue(aol.domains().containsAll(List.of("aol.com", "aim.com", "verizon.net")), aol.domains().toString());
        ServerRecommendation preferred = aol.outgoing().get(0);
        assertEquals("smtp.aol.com", preferred.host());
        assertTrue(aol.outgoing().stream().anyMatch(s -> s.port() == 587 && s.security() == Security.STARTTLS));
        assertFalse(aol.procedures().isEmpty());
        assertTrue(result.problems().stream().noneMatch(p -> p.contributor().equals("org.relaybench.providers.aol")),
                () -> "the AOL contribution has problems: " + result.problems());
    }

    @Test
    void validNeighbourOfFaultyContributionsLoads() {
        ProviderDescriptor ok = provider("faulty-ok");
        assertEquals(FAULTY, ok.origin().bundle());
        assertEquals(5, ok.priority());
        assertEquals(List.of("smtp.faulty-ok.example"), ok.outgoing().stream().map(ServerRecommendation::host).toList(),
                "the child with an invalid security value is skipped, the valid one kept");
        assertTrue(ok.incoming().isEmpty(), "incomingServer with protocol smtp is skipped");
        assertTrue(ok.replies().isEmpty(), "reply with a broken pattern is skipped");
        assertEquals(List.of("missing-class", "not-a-rule", "good"), ok.rules().stream().map(RuleDescriptor::id).toList());
        RuleDescriptor good = ok.rules().get(2);
        assertEquals("faulty-ok.custom-cause", good.cause());
    }

    @Test
    void eachFaultIsReportedWithContributorElementAndReason() {
        assertReason("provider[faulty-ok]/outgoingServer[smtp2.faulty-ok.example]", "security 'ssl3'");
        assertReason("provider[faulty-ok]/incomingServer", "cannot use protocol smtp");
        assertReason("provider[faulty-ok]/reply", "not a regular expression");
        assertReason("rule[no-such-procedure]", "procedure 'missing-proc'");
        assertReason("rule[bad-cause]", "cause 'made-up-cause'");
        assertReason("rule[bad-field]", "field 'smtp.colour'");
        assertReason("provider[faulty-ok]/colour", "unknown element 'colour'");
        assertReason("provider[faulty-no-name]", "missing required attribute 'name'");
        assertReason("provider[faulty-priority]", "not a whole number");
        assertReason("provider[faulty-matches-nothing]", "matches nothing");
        assertReason("vendor[faulty-vendor]", "unknown element 'vendor'");
        LoadProblem impostor = problem("provider[aol]");
        assertEquals(FAULTY, impostor.contributor());
        assertTrue(impostor.reason().contains("already contributed by org.relaybench.providers.aol"), impostor.reason());
        assertEquals("org.relaybench.providers.aol", provider("aol").origin().bundle(),
                "the first contribution of an id wins");
    }

    private static void assertReason(String element, String reasonFragment) {
        LoadProblem p = problem(element);
        assertEquals(FAULTY, p.contributor(), p::toString);
        assertTrue(p.reason().contains(reasonFragment), () -> "reason of " + element + ": " + p.reason());
    }

    @Test
    void skippedProvidersAreNotInTheCatalog() {
        for (String id : List.of("faulty-no-name", "faulty-priority", "faulty-matches-nothing")) {
            assertTrue(result.providers().stream().noneMatch(p -> p.id().equals(id)), id);
        }
    }

    @Test
    void providersAreOrderedByPriorityThenId() {
        List<ProviderDescriptor> providers = result.providers();
        for (int i = 1; i < providers.size(); i++) {
            ProviderDescriptor a = providers.get(i - 1);
            ProviderDescriptor b = providers.get(i);
            assertTrue(a.priority() > b.priority() || (a.priority() == b.priority() && a.id().compareTo(b.id()) < 0),
                    a.id() + " before " + b.id());
        }
    }

    @Test
    void readingTwiceGivesTheSameResult() {
        ProviderRegistryReader.Result again = new ProviderRegistryReader(new OriginResolver())
                .read(RegistryFactory.getRegistry());
        assertEquals(result.providers(), again.providers());
        assertEquals(result.problems(), again.problems());
    }

    @Test
    void codeRuleFailuresAreReportedInTheCatalog() throws Exception {
        ProviderCatalog catalog = OsgiServices.service(ProviderCatalog.class);
        ProviderDescriptor ok = catalog.snapshot().provider("faulty-ok").orElseThrow();
        RuleDescriptor missing = ok.rules().stream().filter(r -> r.id().equals("missing-class")).findFirst().orElseThrow();
        RuleCreationException e = assertThrows(RuleCreationException.class, () -> catalog.createRule(ok, missing));
        assertTrue(e.getMessage().contains("org.relaybench.tests.faulty.NoSuchRule"), e.getMessage());
        RuleDescriptor notARule = ok.rules().stream().filter(r -> r.id().equals("not-a-rule")).findFirst().orElseThrow();
        RuleCreationException e2 = assertThrows(RuleCreationException.class, () -> catalog.createRule(ok, notARule));
        assertTrue(e2.getMessage().contains("does not implement"), e2.getMessage());
        List<LoadProblem> problems = catalog.snapshot().problems();
        assertTrue(problems.stream().anyMatch(p -> p.element().equals("provider[faulty-ok]/rule[missing-class]")
                && p.contributor().equals(FAULTY)), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.element().equals("provider[faulty-ok]/rule[not-a-rule]")),
                problems::toString);
    }
}
