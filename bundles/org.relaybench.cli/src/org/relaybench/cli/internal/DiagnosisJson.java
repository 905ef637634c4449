package org.relaybench.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    private DiagnosisJson() {
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
