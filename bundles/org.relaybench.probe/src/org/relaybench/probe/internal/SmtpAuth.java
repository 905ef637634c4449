package org.relaybench.probe.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.relaybench.core.CauseCode;
import org.relaybench.probe.ProbeRequest;

/**
 * SMTP AUTH (RFC 4954) with PLAIN (RFC 4616), LOGIN or CRAM-MD5 (RFC 2195), in that order of
 * preference. The client's payloads go to the server as bytes that are wiped afterwards, and into the
 * transcript as {@code ****}; the server's challenges are shown as they are.
 */
final class SmtpAuth {

    private static final String HIDDEN = "****";
    private static final Base64.Encoder B64 = Base64.getEncoder();

    private final SmtpDialogue dialogue;
    private final ProbeRequest request;

    SmtpAuth(SmtpDialogue dialogue, ProbeRequest request) {
        this.dialogue = dialogue;
        this.request = request;
    }

    void authenticate(List<String> offered, boolean secured) throws ProbeFailure {
        if (offered.isEmpty()) {
            if (!secured && dialogue.offers("STARTTLS")) {
                throw new ProbeFailure(CauseCode.TLS_REQUIRED,
                        "the server offers AUTH only after STARTTLS: switch on SSL/TLS (STARTTLS) for this server", true);
            }
            throw new ProbeFailure(request.port() == 25 ? CauseCode.WRONG_SMTP_PORT : CauseCode.WRONG_SMTP_HOST,
                    "the server offers no AUTH at all: it is not a submission server for this account", true);
        }
        byte[] user = request.user().orElseThrow().getBytes(StandardCharsets.UTF_8);
        byte[] password = request.password().orElseThrow().utf8();
        try {
            if (offered.contains("PLAIN")) {
                plain(user, password);
            } else if (offered.contains("LOGIN")) {
                login(user, password);
            } else if (offered.contains("CRAM-MD5")) {
                cramMd5(user, password);
            } else {
                boolean oauth = offered.contains("XOAUTH2") || offered.contains("OAUTHBEARER");
                throw new ProbeFailure(oauth ? CauseCode.OAUTH_REQUIRED : CauseCode.SMTP_AUTH_DISABLED,
                        "the server offers no password mechanism (" + String.join(" ", offered) + ")", true);
            }
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private void plain(byte[] user, byte[] password) throws ProbeFailure {
        byte[] raw = new byte[user.length + password.length + 2];
        System.arraycopy(user, 0, raw, 1, user.length);
        System.arraycopy(password, 0, raw, user.length + 2, password.length);
        byte[] line = command("AUTH PLAIN ", raw);
        dialogue.redactor().payload(java.util.Arrays.copyOfRange(line, 11, line.length));
        try {
            dialogue.timed("auth", line, "AUTH PLAIN " + HIDDEN, false, this::finalReply);
        } finally {
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(line, (byte) 0);
        }
    }

    private void login(byte[] user, byte[] password) throws ProbeFailure {
        dialogue.timed("auth", "AUTH LOGIN", "AUTH LOGIN", false, this::challenge);
        byte[] u = B64.encode(user);
        dialogue.timed("auth-user", u, HIDDEN, false, this::challenge);
        byte[] p = B64.encode(password);
        dialogue.redactor().payload(p);
        try {
            dialogue.timed("auth-password", p, HIDDEN, false, this::finalReply);
        } finally {
            Arrays.fill(p, (byte) 0);
        }
    }

    private void cramMd5(byte[] user, byte[] password) throws ProbeFailure {
        Reply challenge = dialogue.timed("auth", "AUTH CRAM-MD5", "AUTH CRAM-MD5", false, this::challenge);
        byte[] nonce;
        try {
            nonce = Base64.getDecoder().decode(challenge.text().trim());
        } catch (IllegalArgumentException e) {
            throw new ProbeFailure(CauseCode.PROTOCOL_VIOLATION, "the CRAM-MD5 challenge is not base64", false);
        }
        byte[] response;
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(password, "HmacMD5"));
            byte[] digest = mac.doFinal(nonce);
            StringBuilder hex = new StringBuilder(new String(user, StandardCharsets.UTF_8)).append(' ');
            for (byte b : digest) {
                hex.append(String.format("%02x", b & 0xff));
            }
            response = B64.encode(hex.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new ProbeFailure(CauseCode.SMTP_AUTH_DISABLED, "CRAM-MD5 is not available here", true);
        }
        dialogue.timed("auth-response", response, HIDDEN, false, this::finalReply);
    }

    private static byte[] command(String prefix, byte[] raw) {
        byte[] encoded = B64.encode(raw);
        byte[] line = new byte[prefix.length() + encoded.length];
        System.arraycopy(prefix.getBytes(StandardCharsets.US_ASCII), 0, line, 0, prefix.length());
        System.arraycopy(encoded, 0, line, prefix.length(), encoded.length);
        Arrays.fill(encoded, (byte) 0);
        return line;
    }

    private ProbeFailure challenge(Reply reply) {
        return reply.code() == 334 ? null : Verdicts.auth(reply);
    }

    private ProbeFailure finalReply(Reply reply) {
        if (reply.code() == 235) {
            return null;
        }
        if (reply.code() == 334) { // a server that wants more than PLAIN/LOGIN/CRAM-MD5 send: out of step
            return new ProbeFailure(CauseCode.PROTOCOL_VIOLATION, "the server asked for more after the credentials",
                    false);
        }
        return Verdicts.auth(reply);
    }
}
