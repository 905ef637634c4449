package org.relaybench.cli.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.relaybench.core.ClientInfo;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.diagnosis.Diagnosis;
import org.relaybench.core.diagnosis.DiagnosisError;
import org.relaybench.core.diagnosis.ReplyMatch;
import org.relaybench.core.providers.Procedure;
import org.relaybench.core.providers.Step;

/**
 * The JSON form of a diagnosis, as DESIGN.md promises: {@code email, provider {id, name}, findings
 * [{code, severity, confidence, title, evidence, provider, rule, procedure}], probe, errors}, plus
 * {@code client}, {@code replies} and the {@code procedures} with the steps worded for the client.
 */
public final class DiagnosisJson {

    /** Writes a procedure worded for a client as one JSON value. */
    @FunctionalInterface
    public interface ProcedureWriter {
        /**
         * @param w where to write the procedure's value
         * @param p the procedure
         * @param client the client its steps are worded for
         */
        void write(JsonLineWriter w, Procedure p, ClientInfo client);
    }

    /** Writes each procedure anew. */
    public static final ProcedureWriter PROCEDURE = DiagnosisJson::procedure;

    private static final JsonLineWriter.Name EMAIL = JsonLineWriter.Name.of("email");
    private static final JsonLineWriter.Name CLIENT = JsonLineWriter.Name.of("client");
    private static final JsonLineWriter.Name PROVIDER = JsonLineWriter.Name.of("provider");
    private static final JsonLineWriter.Name ID = JsonLineWriter.Name.of("id");
    private static final JsonLineWriter.Name NAME = JsonLineWriter.Name.of("name");
    private static final JsonLineWriter.Name FINDINGS = JsonLineWriter.Name.of("findings");
    private static final JsonLineWriter.Name REPLIES = JsonLineWriter.Name.of("replies");
    private static final JsonLineWriter.Name PROCEDURES = JsonLineWriter.Name.of("procedures");
    private static final JsonLineWriter.Name PROBE = JsonLineWriter.Name.of("probe");
    private static final JsonLineWriter.Name ERRORS = JsonLineWriter.Name.of("errors");
    private static final JsonLineWriter.Name CODE = JsonLineWriter.Name.of("code");
    private static final JsonLineWriter.Name SEVERITY = JsonLineWriter.Name.of("severity");
    private static final JsonLineWriter.Name CONFIDENCE = JsonLineWriter.Name.of("confidence");
    private static final JsonLineWriter.Name TITLE = JsonLineWriter.Name.of("title");
    private static final JsonLineWriter.Name EVIDENCE = JsonLineWriter.Name.of("evidence");
    private static final JsonLineWriter.Name KIND = JsonLineWriter.Name.of("kind");
    private static final JsonLineWriter.Name SUBJECT = JsonLineWriter.Name.of("subject");
    private static final JsonLineWriter.Name DETAIL = JsonLineWriter.Name.of("detail");
    private static final JsonLineWriter.Name RULE = JsonLineWriter.Name.of("rule");
    private static final JsonLineWriter.Name PROCEDURE_ID = JsonLineWriter.Name.of("procedure");
    private static final JsonLineWriter.Name CAUSE = JsonLineWriter.Name.of("cause");
    private static final JsonLineWriter.Name REPLY_CODE = JsonLineWriter.Name.of("replyCode");
    private static final JsonLineWriter.Name ENHANCED_STATUS = JsonLineWriter.Name.of("enhancedStatus");
    private static final JsonLineWriter.Name SERVER = JsonLineWriter.Name.of("server");
    private static final JsonLineWriter.Name REASON = JsonLineWriter.Name.of("reason");
    private static final JsonLineWriter.Name EXCERPT = JsonLineWriter.Name.of("excerpt");
    private static final JsonLineWriter.Name SOURCE = JsonLineWriter.Name.of("source");
    private static final JsonLineWriter.Name ADDRESSES = JsonLineWriter.Name.of("addresses");
    private static final JsonLineWriter.Name STEPS = JsonLineWriter.Name.of("steps");
    private static final JsonLineWriter.Name TEXT = JsonLineWriter.Name.of("text");
    private static final JsonLineWriter.Name EXPECT = JsonLineWriter.Name.of("expect");
    private static final JsonLineWriter.Name MESSAGE = JsonLineWriter.Name.of("message");
    /** {@link Evidence.Kind} as written: lower case. */
    private static final Map<Evidence.Kind, String> KINDS = new EnumMap<>(Evidence.Kind.class);

    static {
        for (Evidence.Kind k : Evidence.Kind.values()) {
            KINDS.put(k, k.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private DiagnosisJson() {
    }

    /**
     * Writes the members of {@link #tree} into the object being written, in the same order with the
     * same values, byte for byte as {@link Json#line} writes the tree; for {@code relaybench batch}.
     *
     * @param w the writer, inside an object
     * @param d the diagnosis
     * @param probe the probe's JSON value ({@link JsonLineWriter#fragment} of {@link Json#line} of
     *        {@link ProbeJson#tree}), or null when no probe ran
     * @param procedures writes each procedure; the batch copies in one written before
     */
    public static void write(JsonLineWriter w, Diagnosis d, byte[] probe, ProcedureWriter procedures) {
        ClientInfo client = d.account().client();
        w.name(EMAIL).value(d.account().email());
        w.name(CLIENT).value(client.toString());
        w.name(PROVIDER);
        if (d.provider().isPresent()) {
            w.beginObject().name(ID).value(d.provider().get().id()).name(NAME).value(d.provider().get().name()).endObject();
        } else {
            w.nullValue();
        }
        w.name(FINDINGS).beginArray();
        for (Finding f : d.findings()) {
            finding(w, f);
        }
        w.endArray();
        w.name(REPLIES).beginArray();
        for (ReplyMatch r : d.replies()) {
            reply(w, r);
        }
        w.endArray();
        w.name(PROCEDURES).beginObject();
        List<String> written = new ArrayList<>(4);
        for (Finding f : d.findings()) {
            Optional<Procedure> p = d.procedureFor(f);
            if (p.isPresent() && !written.contains(p.get().id())) {
                written.add(p.get().id());
                w.name(p.get().id());
                procedures.write(w, p.get(), client);
            }
        }
        w.endObject();
        w.name(PROBE);
        if (probe == null) {
            w.nullValue();
        } else {
            w.raw(probe);
        }
        w.name(ERRORS).beginArray();
        for (DiagnosisError e : d.errors()) {
            w.beginObject().name(PROVIDER).value(e.provider()).name(RULE).value(e.rule()).name(MESSAGE).value(e.message())
                    .endObject();
        }
        w.endArray();
    }

    private static void finding(JsonLineWriter w, Finding f) {
        w.beginObject();
        w.name(CODE).value(f.code());
        w.name(SEVERITY).value(f.severity().id());
        w.name(CONFIDENCE).value(f.confidence());
        w.name(TITLE).value(f.title());
        w.name(EVIDENCE).beginArray();
        for (Evidence e : f.evidence()) {
            w.beginObject().name(KIND).value(KINDS.get(e.kind())).name(SUBJECT).value(e.subject()).name(DETAIL)
                    .value(e.detail()).endObject();
        }
        w.endArray();
        w.name(PROVIDER).value(f.provider());
        w.name(RULE).value(f.rule());
        w.name(PROCEDURE_ID).value(f.procedure().orElse(null));
        w.endObject();
    }

    private static void reply(JsonLineWriter w, ReplyMatch r) {
        w.beginObject();
        w.name(CAUSE).value(r.cause());
        w.name(CONFIDENCE).value(r.confidence());
        w.name(REPLY_CODE);
        if (r.replyCode().isPresent()) {
            w.value(r.replyCode().getAsInt());
        } else {
            w.nullValue();
        }
        w.name(ENHANCED_STATUS).value(r.enhancedStatus().orElse(null));
        w.name(CLIENT).value(r.client().orElse(null));
        w.name(SERVER).value(r.server().orElse(null));
        w.name(REASON).value(r.reason());
        w.name(EXCERPT).value(r.excerpt());
        w.name(SOURCE).value(r.source());
        w.endObject();
    }

    /** Writes a procedure with its steps worded for the client, as {@link #tree} has it. */
    private static void procedure(JsonLineWriter w, Procedure p, ClientInfo client) {
        w.beginObject();
        w.name(TITLE).value(p.title());
        w.name(ADDRESSES).beginArray();
        for (String a : p.addresses()) {
            w.value(a);
        }
        w.endArray();
        w.name(STEPS).beginArray();
        for (Step s : p.steps()) {
            Step.Wording wording = s.wordingFor(client);
            w.beginObject().name(ID).value(s.id()).name(TEXT).value(wording.text()).name(EXPECT).value(wording.expect())
                    .endObject();
        }
        w.endArray();
        w.endObject();
    }

    /**
     * @param d the diagnosis
     * @param probe the probe's JSON tree, or null when no probe ran
     * @return a tree of maps and lists for {@link Json}
     */
    public static Map<String, Object> tree(Diagnosis d, Object probe) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("email", d.account().email());
        root.put("client", d.account().client().toString());
        root.put("provider", d.provider().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("name", p.name());
            return (Object) m;
        }).orElse(null));
        List<Object> findings = new ArrayList<>();
        for (Finding f : d.findings()) {
            findings.add(finding(f));
        }
        root.put("findings", findings);
        root.put("replies", d.replies().stream().map(DiagnosisJson::reply).toList());
        Map<String, Object> procedures = new LinkedHashMap<>();
        for (Finding f : d.findings()) {
            d.procedureFor(f).ifPresent(p -> procedures.putIfAbsent(p.id(), procedure(p, d.account().client())));
        }
        root.put("procedures", procedures);
        root.put("probe", probe);
        root.put("errors", d.errors().stream().map(DiagnosisJson::error).toList());
        return root;
    }

    static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", f.code());
        m.put("severity", f.severity().id());
        m.put("confidence", f.confidence());
        m.put("title", f.title());
        List<Object> evidence = new ArrayList<>();
        for (Evidence e : f.evidence()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
            em.put("subject", e.subject());
            em.put("detail", e.detail());
            evidence.add(em);
        }
        m.put("evidence", evidence);
        m.put("provider", f.provider());
        m.put("rule", f.rule());
        m.put("procedure", f.procedure().orElse(null));
        return m;
    }

    private static Map<String, Object> reply(ReplyMatch r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cause", r.cause());
        m.put("confidence", r.confidence());
        m.put("replyCode", r.replyCode().isPresent() ? r.replyCode().getAsInt() : null);
        m.put("enhancedStatus", r.enhancedStatus().orElse(null));
        m.put("client", r.client().orElse(null));
        m.put("server", r.server().orElse(null));
        m.put("reason", r.reason());
        m.put("excerpt", r.excerpt());
        m.put("source", r.source());
        return m;
    }

    private static Map<String, Object> procedure(Procedure p, ClientInfo client) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", p.title());
        m.put("addresses", p.addresses());
        List<Object> steps = new ArrayList<>();
        for (Step s : p.steps()) {
            Step.Wording w = s.wordingFor(client);
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("id", s.id());
            sm.put("text", w.text());
            sm.put("expect", w.expect());
            steps.add(sm);
        }
        m.put("steps", steps);
        return m;
    }

    private static Map<String, Object> error(DiagnosisError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", e.provider());
        m.put("rule", e.rule());
        m.put("message", e.message());
        return m;
    }
}
