package org.relaybench.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.CauseCode;
import org.relaybench.core.Finding;
import org.relaybench.core.Severity;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.diagnosis.DiagnosisEngine;
import org.relaybench.core.diagnosis.DiagnosisOptions;
import org.relaybench.tests.common.OsgiServices;

/**
 * Runs the whole reply corpus ({@link ReplyCorpus}) through the real diagnosis engine service, for an
 * account of a domain no provider claims and no outgoing settings, so that the error text alone decides.
 * Prints precision and recall per cause code, and asserts top-cause accuracy of at least 95%, a finding
 * for every reply, and that no reply which is not a settings problem is blamed on the settings with
 * severity error.
 */
class ReplyCorpusTest {

    private static final double REQUIRED_ACCURACY = 0.95;
    private static final int MIN_SIZE = 300;

    private static List<ReplyCorpus.Reply> corpus;
    private static List<Diagnosis> diagnoses;

    @BeforeAll
    static void diagnoseTheCorpus() throws Exception {
        DiagnosisEngine engine = OsgiServices.service(DiagnosisEngine.class);
        corpus = ReplyCorpus.all();
        List<AccountProfile> accounts = corpus.stream()
                .map(r -> AccountProfile.builder("customer@example.net").errorText(r.text()).build()).toList();
        diagnoses = engine.diagnoseAll(accounts, DiagnosisOptions.DEFAULTS);
    }

    @Test
    void theCorpusIsLargeAndEveryReplyNamesItsSource() {
        List<ReplyCorpus.Reply> own = ReplyCorpus.own();
        assertTrue(own.size() >= MIN_SIZE, "the corpus file has " + own.size() + " replies");
        assertTrue(corpus.size() > own.size(), "the shared relay-replies.tsv is part of the corpus");
        assertEquals(own.size(), own.stream().map(ReplyCorpus.Reply::text).distinct().count(), "no reply twice");
    }

    @Test
    void topCauseAccuracyIsAtLeast95PercentAndPrecisionAndRecallArePrinted() {
        Map<String, int[]> perCode = new TreeMap<>(); // expected, predicted, both
        List<String> misses = new ArrayList<>();
        int right = 0;
        for (int i = 0; i < corpus.size(); i++) {
            ReplyCorpus.Reply reply = corpus.get(i);
            String top = diagnoses.get(i).top().map(Finding::code).orElse("(none)");
            perCode.computeIfAbsent(reply.cause(), k -> new int[3])[0]++;
            perCode.computeIfAbsent(top, k -> new int[3])[1]++;
            if (top.equals(reply.cause())) {
                perCode.get(top)[2]++;
                right++;
            } else {
                misses.add("expected " + reply.cause() + ", got " + top + ": " + oneLine(reply.text()));
            }
        }
        double accuracy = right / (double) corpus.size();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%nReply corpus: %d replies, top-cause accuracy %.1f%% (%d right)%n", corpus.size(), 100 * accuracy,
                right));
        table.append(String.format(Locale.ROOT, "| %-30s | %8s | %9s | %9s | %6s |%n", "cause", "expected", "precision",
                "recall", "F1"));
        table.append("|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, int[]> e : perCode.entrySet()) {
            int[] n = e.getValue();
            double precision = n[1] == 0 ? Double.NaN : n[2] / (double) n[1];
            double recall = n[0] == 0 ? Double.NaN : n[2] / (double) n[0];
            double f1 = 2 * precision * recall / (precision + recall);
            table.append(String.format(Locale.ROOT, "| %-30s | %8d | %9s | %9s | %6s |%n", e.getKey(), n[0],
                    percent(precision), percent(recall), percent(f1)));
        }
        misses.forEach(m -> table.append("  miss: ").append(m).append('\n'));
        System.out.println(table);
        assertTrue(accuracy >= REQUIRED_ACCURACY, table::toString);
    }

    @Test
    void everyReplyGetsAFinding() {
        List<String> empty = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            if (diagnoses.get(i).findings().isEmpty()) {
                empty.add(oneLine(corpus.get(i).text()));
            }
        }
        assertEquals(List.of(), empty, "replies without any finding");
    }

    @Test
    void noReplyThatIsNotASettingsProblemBlamesTheSettingsWithAnError() {
        List<String> blamed = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            if (corpus.get(i).settingsAtFault()) {
                continue;
            }
            TreeSet<String> codes = new TreeSet<>();
            for (Finding f : diagnoses.get(i).findings()) {
                Optional<CauseCode> code = CauseCode.of(f.code());
                if (f.severity() == Severity.ERROR && code.map(CauseCode::settingsAtFault).orElse(false)) {
                    codes.add(f.code());
                }
            }
            if (!codes.isEmpty()) {
                blamed.add(codes + ": " + oneLine(corpus.get(i).text()));
            }
        }
        assertEquals(List.of(), blamed, "replies not about the settings, blamed on them with severity error");
    }

    @Test
    void findingsOfRepliesNotAboutTheSettingsSaySoAndCarryAdvice() {
        List<String> silent = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            Diagnosis d = diagnoses.get(i);
            Finding top = d.top().orElseThrow();
            Optional<CauseCode> code = CauseCode.of(top.code());
            if (code.isEmpty() || code.get().settingsAtFault() || code.get().ordinal() < CauseCode.RECIPIENT_UNKNOWN
                    .ordinal()) {
                continue;
            }
            boolean says = top.severity() != Severity.ERROR && top.title().contains("settings are not at fault")
                    && d.procedureFor(top).filter(p -> !p.steps().isEmpty()).isPresent();
            if (!says) {
                silent.add(top + ": " + oneLine(corpus.get(i).text()));
            }
        }
        assertEquals(List.of(), silent, "findings that do not say the settings are fine, or carry no advice");
    }

    private static String percent(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }

    private static String oneLine(String text) {
        String s = text.replace('\n', ' ');
        return s.length() > 140 ? s.substring(0, 140) + "..." : s;
    }
}
