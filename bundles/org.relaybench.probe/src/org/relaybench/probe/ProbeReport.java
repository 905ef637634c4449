package org.relaybench.probe;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.relaybench.core.Security;
import org.relaybench.core.session.ProbeRecord;

/**
 * What a live SMTP probe saw. {@link #code()} is the cause code the probe ended with (a
 * {@link org.relaybench.core.CauseCode#code()}), empty when the server behaved and accepted the
 * outside recipient. The transcript has the client's AUTH payloads replaced by {@code ****}; nothing
 * in a report contains the password.
 *
 * @param host the server probed
 * @param port its port
 * @param security the TLS mode used
 * @param stages the stages run, in order
 * @param code the cause code, empty when all went well
 * @param summary one line for the agent
 * @param transcript the dialogue: {@code C: } client, {@code S: } server, {@code * } events; escaped
 * @param tls the TLS session, when one was set up
 * @param extensions the EHLO keywords the server offered (last EHLO)
 * @param authMechanisms the SASL mechanisms the server offered (last EHLO)
 * @param relays the relay checks: without authentication, then with it
 * @param millis how long the whole probe took
 * @since 0.1
 */
public record ProbeReport(String host, int port, Security security, List<ProbeStage> stages, Optional<String> code,
        String summary, List<String> transcript, Optional<TlsInfo> tls, List<String> extensions,
        List<String> authMechanisms, List<RelayCheck> relays, long millis) {

    public ProbeReport {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        stages = List.copyOf(stages);
        Objects.requireNonNull(code, "code");
        summary = summary == null ? "" : summary;
        transcript = List.copyOf(transcript);
        Objects.requireNonNull(tls, "tls");
        extensions = List.copyOf(extensions);
        authMechanisms = List.copyOf(authMechanisms);
        relays = List.copyOf(relays);
    }

    /** @return whether the probe ended without a cause */
    public boolean ok() {
        return code.isEmpty();
    }

    /**
     * @param authenticated which of the two
     * @return the relay check made with or without authentication, when it was made
     */
    public Optional<RelayCheck> relay(boolean authenticated) {
        return relays.stream().filter(r -> r.authenticated() == authenticated).findFirst();
    }

    /**
     * @param at when the probe ran
     * @return the probe as a support session logs it (the transcript is already redacted)
     */
    public ProbeRecord record(Instant at) {
        return new ProbeRecord(at, host, port, security.id(), code, summary, transcript);
    }

    /**
     * @param name a stage name
     * @return that stage, when it ran
     */
    public Optional<ProbeStage> stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
