package org.relaybench.session.batch;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.relaybench.session.AccountCheck;
import org.relaybench.session.AccountFields;
import org.relaybench.session.DiagnosisRequest;
import org.relaybench.session.DiagnosisResult;
import org.relaybench.session.FieldProblem;
import org.relaybench.session.SupportSessions;

/**
 * Diagnoses the records of a batch: reads a record, validates its account with the same messages as
 * every face (named by CSV column or JSON path), and diagnoses it through the support-session
 * service. Thread-safe: the workers of a {@link BatchPipeline} share one.
 *
 * @since 0.1
 */
public final class BatchDiagnosis {

    private final SupportSessions sessions;
    private final BatchFormat format;
    private final boolean classifyErrorText;
    private final Optional<ProbeScheduler> probes;

    /**
     * @param sessions the support-session service
     * @param format the input's format, to name a field the way the input does
     * @param classifyErrorText whether to read the error texts
     * @param probes the live probes to run, shared by the records; empty for an offline diagnosis
     */
    public BatchDiagnosis(SupportSessions sessions, BatchFormat format, boolean classifyErrorText,
            Optional<ProbeScheduler> probes) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.format = Objects.requireNonNull(format, "format");
        this.classifyErrorText = classifyErrorText;
        this.probes = Objects.requireNonNull(probes, "probes");
    }

    /**
     * @param record a record
     * @return its result: diagnosed, invalid (with every problem of the record), or failed
     */
    public BatchResult diagnose(BatchRecord record) {
        BatchRecord.Content content = record.read();
        if (content.problem().isPresent()) {
            return BatchResult.invalid(record.line(), content.id(), content.problem().get());
        }
        AccountFields fields = content.fields().get();
        AccountCheck check = sessions.check(fields);
        if (!check.ok()) {
            return BatchResult.invalid(record.line(), content.id(),
                    check.problems().stream().map(this::name).collect(Collectors.joining("; ")));
        }
        DiagnosisRequest request = DiagnosisRequest.of(check.orElseThrow()).withMxHosts(check.mx())
                .withClassifyErrorText(classifyErrorText);
        try {
            DiagnosisResult result = probes.isPresent() ? probes.get().diagnose(request)
                    : sessions.diagnose(request, null);
            return BatchResult.diagnosed(record.line(), content.id(), result);
        } catch (RuntimeException e) {
            return BatchResult.failed(record.line(), content.id(), "diagnosis failed: " + e);
        }
    }

    private String name(FieldProblem p) {
        if (format == BatchFormat.JSONL) {
            return p.asJsonPath();
        }
        return p.field().option() + (p.field().otherSmtp() ? " #" + (p.index() + 1) : "") + ": " + p.message();
    }
}
