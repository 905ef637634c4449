package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.diagnosis.ReplyMatch;
import org.relaybench.core.internal.engine.PreparedReply;
import org.relaybench.core.providers.KnownReply;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.tests.common.OsgiServices;

/**
 * The literal pre-check of provider reply patterns must never rule out a text the pattern matches:
 * a wrong literal would silently drop a provider's known reply.
 */
class PreparedReplyTest {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Expected literals are separated by {@code &}; none means no pre-check. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "\\(#AUTH005\\);(#auth005);535 5.7.0 (#AUTH005) Too many bad auth attempts.",
            "relaying denied for;relaying denied for;550 Relaying DENIED for <x@y.org>",
            "not accepted for policy reasons|\\[PH01\\];not accepted for policy reasons&[ph01];554 Message not allowed - [PH01]",
            "5\\.7\\.1[39];5.7.1;535 5.7.139 Authentication unsuccessful",
            "colou?r scheme;r scheme;the color scheme",
            "a(bcdef)g;;abcdefg",
            "\\bSendAsDenied\\w*;sendasdenied;550 5.7.60 SMTP SendAsDeniedException.MapiExceptionSendAsDenied",
            "Daily .{0,20} quota;'daily ';550 5.4.5 Daily user sending quota exceeded",
            "Username and Password not accepted|BadCredentials;username and password not accepted&badcredentials;"
                    + "https://support.google.com/mail/?p=BadCredentials",
            "\\b4\\.3\\.2\\b|throttl(ed|ing);4.3.2&throttl;452 Requests are being THROTTLED",
            "(?s)\\b5\\.7\\.139\\b(?!.*(security defaults|did not meet));5.7.139;535 5.7.139 Authentication unsuccessful",
            "abc|de;;xde",
            "ab\\x41cdef;;abAcdef",
            "ab\\u0041cdef;;abAcdef",
            "x\\p{Lu}yzw;;xQyzw",
            "(?x) a b c d;;abcd",
            "(?i:relay) access [\\]x]denied;' access ';relay access ]denied",
            "abc[\\]x]def;abc;abc]def",
            "q[a[b]]rst;;qbrst",
            "\\tno such user;;550\tno such user" })
    void literalsAreRequiredAndOneIsFoundInMatchingText(String pattern, String expected, String text) {
        List<String> literals = PreparedReply.requiredLiterals(Pattern.compile(pattern, FLAGS));
        assertEquals(expected == null ? List.of() : Arrays.asList(expected.split("&")), literals);
        assertTrue(Pattern.compile(pattern, FLAGS).matcher(text).find(), "the pattern matches");
        if (!literals.isEmpty()) {
            String lower = text.toLowerCase(Locale.ROOT);
            assertTrue(literals.stream().anyMatch(lower::contains), "pre-check passes");
        }
    }

    @Test
    void patternsWhoseTextIsNotTheirMatchHaveNoPreCheck() {
        assertEquals(List.of(), PreparedReply.requiredLiterals(Pattern.compile("relay access denied", Pattern.COMMENTS)));
        assertEquals(List.of(), PreparedReply.requiredLiterals(Pattern.compile("a.b.c.d", Pattern.LITERAL)));
        assertEquals(List.of(), PreparedReply.requiredLiterals(Pattern.compile("\\Qrelay\\E access denied")));
    }

    /**
     * A case-insensitive pattern matches characters beyond ASCII that lower-case to something else than
     * its literal (a dotless i for "i", a long s for "s", the Kelvin sign for "k"): the pre-check must
     * not rule such a text out. Every provider pattern that the text matches stays a known reply.
     */
    @Test
    void textsBeyondAsciiAreLeftToThePatterns() throws Exception {
        ProviderCatalog catalog = OsgiServices.service(ProviderCatalog.class);
        ProviderDescriptor aol = catalog.snapshot().provider("aol").orElseThrow();
        String text = "550 Relaying den\u0131ed for <x@y.org>"; // dotless i
        assertTrue(aol.replies().stream().map(KnownReply::pattern).anyMatch(p -> p.matcher(text).find()),
                "AOL's pattern matches the text");
        Diagnosis d = OsgiServices.service(DiagnosisEngine.class).diagnose(AccountProfile.builder("pat@aol.com")
                .errorText(text).build());
        Optional<ReplyMatch> known = d.replies().stream().filter(m -> m.source().equals("aol")).findFirst();
        assertTrue(known.isPresent(), () -> "AOL's known reply is found: " + d.replies());
        assertFalse(text.toLowerCase(Locale.ROOT).contains("relaying denied for"), "the lower-cased text lacks the literal");
    }
}
