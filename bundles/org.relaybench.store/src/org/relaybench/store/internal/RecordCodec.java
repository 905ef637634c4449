package org.relaybench.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.Severity;
import org.relaybench.core.diagnosis.DiagnosisError;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.ProbeRecord;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The stored JSON forms of diagnosis and probe records. */
final class RecordCodec {

    private RecordCodec() {
    }

    static JsonObject write(DiagnosisRecord d) {
        JsonObject o = new JsonObject();
        o.addProperty("at", Times.millis(d.at()).toString());
        d.providerId().ifPresent(p -> o.addProperty("providerId", p));
        d.providerName().ifPresent(p -> o.addProperty("providerName", p));
        JsonArray findings = new JsonArray();
        for (Finding f : d.findings()) {
            JsonObject fo = new JsonObject();
            fo.addProperty("code", f.code());
            fo.addProperty("severity", f.severity().id());
            fo.addProperty("confidence", f.confidence());
            fo.addProperty("title", f.title());
            JsonArray evidence = new JsonArray();
            for (Evidence e : f.evidence()) {
                JsonObject eo = new JsonObject();
                eo.addProperty("kind", e.kind().name().toLowerCase(Locale.ROOT));
                eo.addProperty("subject", e.subject());
                eo.addProperty("detail", e.detail());
                evidence.add(eo);
            }
            fo.add("evidence", evidence);
            fo.addProperty("provider", f.provider());
            fo.addProperty("rule", f.rule());
            f.procedure().ifPresent(p -> fo.addProperty("procedure", p));
            findings.add(fo);
        }
        o.add("findings", findings);
        JsonArray errors = new JsonArray();
        for (DiagnosisError e : d.errors()) {
            JsonObject eo = new JsonObject();
            eo.addProperty("provider", e.provider());
            eo.addProperty("rule", e.rule());
            eo.addProperty("message", e.message());
            errors.add(eo);
        }
        o.add("errors", errors);
        return o;
    }

    static DiagnosisRecord readDiagnosis(JsonObject o) {
        List<Finding> findings = new ArrayList<>();
        for (JsonElement fe : Json.array(o, "findings")) {
            JsonObject f = fe.getAsJsonObject();
            List<Evidence> evidence = new ArrayList<>();
            for (JsonElement ee : Json.array(f, "evidence")) {
                JsonObject e = ee.getAsJsonObject();
                evidence.add(new Evidence(Evidence.Kind.valueOf(Json.string(e, "kind").toUpperCase(Locale.ROOT)),
                        Json.string(e, "subject"), Json.string(e, "detail")));
            }
            findings.add(new Finding(Json.string(f, "code"), Severity.parse(Json.string(f, "severity")).orElseThrow(),
                    f.get("confidence").getAsDouble(), Json.string(f, "title"), evidence, Json.string(f, "provider"),
                    Json.string(f, "rule"), Json.optional(f, "procedure")));
        }
        List<DiagnosisError> errors = new ArrayList<>();
        for (JsonElement ee : Json.array(o, "errors")) {
            JsonObject e = ee.getAsJsonObject();
            errors.add(new DiagnosisError(Json.string(e, "provider"), Json.string(e, "rule"), Json.string(e, "message")));
        }
        return new DiagnosisRecord(Json.instant(o, "at"), Json.optional(o, "providerId"),
                Json.optional(o, "providerName"), findings, errors);
    }

    static JsonObject write(ProbeRecord p) {
        JsonObject o = new JsonObject();
        o.addProperty("at", Times.millis(p.at()).toString());
        o.addProperty("host", p.host());
        o.addProperty("port", p.port());
        o.addProperty("security", p.security());
        p.code().ifPresent(c -> o.addProperty("code", c));
        o.addProperty("summary", p.summary());
        JsonArray transcript = new JsonArray();
        Transcripts.redact(p.transcript()).forEach(transcript::add);
        o.add("transcript", transcript);
        return o;
    }

    static ProbeRecord readProbe(JsonObject o) {
        List<String> transcript = new ArrayList<>();
        Json.array(o, "transcript").forEach(e -> transcript.add(e.getAsString()));
        return new ProbeRecord(Json.instant(o, "at"), Json.string(o, "host"), o.get("port").getAsInt(),
                Json.string(o, "security"), Json.optional(o, "code"), Json.string(o, "summary"), transcript);
    }
}
