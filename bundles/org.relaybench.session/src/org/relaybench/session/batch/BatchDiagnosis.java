package org.relaybench.session.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.relaybench.session.AccountCheck;
import org.relaybench.session.DiagnosisRequest;
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
        return diagnoseAll(List.of(record)).get(0);
    }

    /**
     * Diagnoses records together: offline, the valid ones in one call of the session service (one
     * hand-off to the engine for all of them, not one each); with probes, one after another.
     *
     * @param records records
     * @return their results, in the same order
     */
    public List<BatchResult> diagnoseAll(List<BatchRecord> records) {
        return diagnoseAll(records, r -> r);
    }

    /**
     * Diagnoses records together as {@link #diagnoseAll(List)} does, and hands each result to
     * {@code then}: offline, a diagnosed record's on the engine's thread that diagnosed it, as soon as it
     * is made (see {@link SupportSessions#diagnoseAll(List, java.util.function.BiFunction)}); the others
     * on this thread.
     *
     * @param <R> what the caller makes of a result
     * @param records records
     * @param then makes what the caller wants of a record's result (its output line, say); quick, not
     *        blocking, without effects beyond its result, not null
     * @return what it made of each record, in the same order
     */
    public <R> List<R> diagnoseAll(List<BatchRecord> records, Function<? super BatchResult, ? extends R> then) {
        Objects.requireNonNull(then, "then");
        Object[] results = new Object[records.size()];
        List<Integer> valid = new ArrayList<>(records.size());
        List<String> ids = new ArrayList<>(records.size());
        List<DiagnosisRequest> requests = new ArrayList<>(records.size());
        for (int i = 0; i < results.length; i++) {
            BatchRecord record = records.get(i);
            BatchRecord.Content content = record.read();
            if (content.problem().isPresent()) {
                results[i] = then.apply(BatchResult.invalid(record.line(), content.id(), content.problem().get()));
                continue;
            }
            AccountCheck check = sessions.check(content.fields().get());
            if (!check.ok()) {
                results[i] = then.apply(BatchResult.invalid(record.line(), content.id(),
                        check.problems().stream().map(this::name).collect(Collectors.joining("; "))));
                continue;
            }
            valid.add(i);
            ids.add(content.id());
            requests.add(DiagnosisRequest.of(check.orElseThrow()).withMxHosts(check.mx())
                    .withClassifyErrorText(classifyErrorText));
        }
        List<? extends R> diagnosed = null;
        if (probes.isEmpty() && requests.size() > 1) {
            try {
                diagnosed = sessions.diagnoseAll(requests, (k, result) -> then
                        .apply(BatchResult.diagnosed(records.get(valid.get(k)).line(), ids.get(k), result)));
            } catch (RuntimeException e) {
                diagnosed = null; // one account's failure is its own: each is diagnosed again alone
            }
        }
        for (int k = 0; k < requests.size(); k++) {
            int i = valid.get(k);
            if (diagnosed != null) {
                results[i] = diagnosed.get(k);
                continue;
            }
            long line = records.get(i).line();
            BatchResult result;
            try {
                result = BatchResult.diagnosed(line, ids.get(k), probes.isPresent() ? probes.get().diagnose(requests.get(k))
                        : sessions.diagnose(requests.get(k), null));
            } catch (RuntimeException e) {
                result = BatchResult.failed(line, ids.get(k), "diagnosis failed: " + e);
            }
            results[i] = then.apply(result);
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) List.of(results);
        return list;
    }

    private String name(FieldProblem p) {
        if (format == BatchFormat.JSONL) {
            return p.asJsonPath();
        }
        return p.field().option() + (p.field().otherSmtp() ? " #" + (p.index() + 1) : "") + ": " + p.message();
    }
}
