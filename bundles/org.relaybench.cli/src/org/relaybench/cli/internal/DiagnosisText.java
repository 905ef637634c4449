package org.relaybench.cli.internal;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.diagnosis.DiagnosisError;
import org.relaybench.core.providers.Procedure;
import org.relaybench.core.providers.Step;

/** The human-readable form of a diagnosis: findings, then the recommended procedure's steps for the client. */
public final class DiagnosisText {

    private DiagnosisText() {
    }

    /**
     * @param d the diagnosis
     * @param out where to print
     */
    public static void print(Diagnosis d, PrintStream out) {
        out.println("Diagnosis for " + d.account().email() + " (" + d.account().client() + ")");
        out.println("Provider: " + d.provider().map(p -> p.name() + " [" + p.id() + "]").orElse("none matched"));
        out.println();
        if (d.findings().isEmpty()) {
            out.println("No problem found in the settings or the error text.");
        }
        int n = 1;
        for (Finding f : d.findings()) {
            out.printf(Locale.ROOT, "%2d. %-7s %s  (confidence %.2f)%n", n++, f.severity().id().toUpperCase(Locale.ROOT),
                    f.code(), f.confidence());
            out.println("    " + f.title());
            for (Evidence e : f.evidence()) {
                out.println("    - " + e.kind().name().toLowerCase(Locale.ROOT) + " " + e.subject()
                        + (e.detail().isEmpty() ? "" : ": " + e.detail()));
            }
            d.procedureFor(f).ifPresent(p -> out.println("    fix: " + p.title() + " [" + p.id() + "]"));
        }
        d.top().flatMap(d::procedureFor).ifPresent(p -> printProcedure(p, d, out));
        Set<String> others = new LinkedHashSet<>();
        d.findings().stream().skip(1).forEach(f -> d.procedureFor(f).ifPresent(p -> others.add(p.title() + " [" + p.id() + "]")));
        d.top().flatMap(d::procedureFor).ifPresent(p -> others.remove(p.title() + " [" + p.id() + "]"));
        if (!others.isEmpty()) {
            out.println();
            out.println("If that does not help: " + String.join("; ", others));
        }
        if (!d.errors().isEmpty()) {
            out.println();
            out.println("Provider errors (the diagnosis completed without them):");
            for (DiagnosisError e : d.errors()) {
                out.println("  " + e.provider() + "/" + e.rule() + ": " + e.message());
            }
        }
    }

    private static void printProcedure(Procedure p, Diagnosis d, PrintStream out) {
        out.println();
        out.println("Recommended procedure: " + p.title() + " [" + p.id() + "], worded for " + d.account().client());
        int i = 1;
        for (Step s : p.steps()) {
            Step.Wording w = s.wordingFor(d.account().client());
            out.printf(Locale.ROOT, "  %d. %s%n", i++, w.text());
            if (!w.expect().isEmpty()) {
                out.println("     Expect: " + w.expect());
            }
        }
    }
}
