package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relaybench.core.internal.engine.PreparedReply;

/**
 * The literal pre-check of provider reply patterns must never rule out a text the pattern matches:
 * a wrong literal would silently drop a provider's known reply.
 */
class PreparedReplyTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "\\(#AUTH005\\);(#auth005);535 5.7.0 (#AUTH005) Too many bad auth attempts.",
            "relaying denied for;relaying denied for;550 Relaying DENIED for <x@y.org>",
            "not accepted for policy reasons|\\[PH01\\];;554 Message not allowed - [PH01]",
            "5\\.7\\.1[39];5.7.1;535 5.7.139 Authentication unsuccessful",
            "colou?r scheme;r scheme;the color scheme",
            "a(bcdef)g;;abcdefg",
            "\\bSendAsDenied\\w*;sendasdenied;550 5.7.60 SMTP SendAsDeniedException.MapiExceptionSendAsDenied",
            "Daily .{0,20} quota;'daily ';550 5.4.5 Daily user sending quota exceeded" })
    void literalIsRequiredAndFoundInMatchingText(String pattern, String expected, String text) {
        Optional<String> literal = PreparedReply.requiredLiteral(pattern);
        assertEquals(Optional.ofNullable(expected), literal);
        assertTrue(Pattern.compile(pattern, Pattern.CASE_INSENSITIVE).matcher(text).find(), "the pattern matches");
        literal.ifPresent(l -> assertTrue(text.toLowerCase(java.util.Locale.ROOT).contains(l), "pre-check passes"));
    }
}
