package org.relaybench.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.ProbeRecord;
import org.relaybench.probe.AccountProbe;

/**
 * A diagnosis with the live checks that fed it.
 *
 * @param at when it ran
 * @param diagnosis the findings, ranked
 * @param probe what the account's real servers said, when probed
 * @since 0.1
 */
public record DiagnosisResult(Instant at, Diagnosis diagnosis, Optional<AccountProbe> probe) {

    public DiagnosisResult {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(diagnosis, "diagnosis");
        Objects.requireNonNull(probe, "probe");
    }

    /** @return the diagnosis as a session logs it */
    public DiagnosisRecord record() {
        return new DiagnosisRecord(at, diagnosis.provider().map(ProviderDescriptor::id),
                diagnosis.provider().map(ProviderDescriptor::name), diagnosis.findings(), diagnosis.errors());
    }

    /** @return the probes as a session logs them, with their redacted transcripts; empty without probe */
    public List<ProbeRecord> probeRecords() {
        List<ProbeRecord> records = new ArrayList<>();
        probe.flatMap(AccountProbe::smtp).ifPresent(r -> records.add(r.record(at)));
        return records;
    }
}
