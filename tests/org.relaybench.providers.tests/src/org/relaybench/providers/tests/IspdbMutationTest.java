package org.relaybench.providers.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.relaybench.providers.imap.internal.IspdbConfig;
import org.relaybench.providers.imap.internal.IspdbException;
import org.relaybench.providers.imap.internal.IspdbParser;
import org.relaybench.tests.common.Mutator;

/**
 * ISPDB files as a broken mirror or a hostile folder serves them: every mutation of the real files is
 * parsed or refused with {@link IspdbException} naming the file; no other exception, no entity is
 * expanded, nothing takes long.
 */
class IspdbMutationTest {

    private static final int CASES = 1500;
    private static final long SLOW_MILLIS = 2000;

    @Test
    void mutatedIspdbFilesAreParsedOrRefusedClearly() throws Exception {
        List<String> names = IspdbParserTest.sharedFiles().toList();
        List<byte[]> files = new ArrayList<>();
        for (String name : names) {
            files.add(Files.readAllBytes(Fixtures.ispdbFile(name)));
        }
        Mutator m = new Mutator(20261204L, List.of("<", ">", "</", "/>", "\"", "&", "&amp;", "&e;", "<![CDATA[", "]]>",
                "<!DOCTYPE clientConfig [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
                "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>",
                "<incomingServer type=\"imap\">", "<outgoingServer type=\"smtp\">", "<port>99999</port>",
                "<port>-1</port>", "<socketType>SSL3</socketType>", "<hostname></hostname>", "<domain>", "\u0000",
                "\uFEFF", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<authentication>password-cleartext</authentication>",
                "<emailProvider id=\"x\">".repeat(200)));
        IspdbParser parser = new IspdbParser();
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            int which = i % files.size();
            byte[] content = m.mutate(files.get(which));
            long start = System.nanoTime();
            try {
                IspdbConfig config = parser.parse(names.get(which), content);
                assertTrue(config.id() != null);
                assertTrue(!config.toString().contains("root:"), "an external entity was expanded");
                parsed++;
            } catch (IspdbException e) {
                assertTrue(e.getMessage() != null && e.getMessage().contains(names.get(which)),
                        "the refusal names the file: " + e.getMessage());
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("case " + i + " (seed " + m.seed() + ", " + names.get(which) + ") threw " + e, e);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < SLOW_MILLIS, "case " + i + " (seed " + m.seed() + ") took " + millis + " ms");
        }
        assertTrue(parsed >= CASES / 100 && refused >= CASES / 100, "the cases reach both sides: parsed " + parsed
                + ", refused " + refused + " (seed " + m.seed() + ")");
    }
}
