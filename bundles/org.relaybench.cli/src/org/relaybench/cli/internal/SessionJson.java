package org.relaybench.cli.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.session.AuditEntry;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.ProbeRecord;
import org.relaybench.core.session.StepRecord;
import org.relaybench.core.session.SupportSession;

/**
 * The JSON form of a logged session ({@code sessions show --json}). Its {@code account} has the form
 * {@code diagnose --account} reads, so a logged account can be diagnosed again.
 */
final class SessionJson {

    private SessionJson() {
    }

    static Map<String, Object> tree(SupportSession s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("opened", s.opened().toString());
        m.put("updated", s.updated().toString());
        m.put("agent", s.agent());
        m.put("customer", s.customer());
        m.put("ticket", s.ticket());
        m.put("status", s.status().id());
        m.put("account", account(s.account()));
        m.put("diagnoses", s.diagnoses().stream().map(SessionJson::diagnosis).toList());
        m.put("probes", s.probes().stream().map(SessionJson::probe).toList());
        m.put("steps", s.steps().stream().map(SessionJson::step).toList());
        m.put("notes", s.notes());
        m.put("audit", s.audit().stream().map(SessionJson::audit).toList());
        return m;
    }

    static Map<String, Object> account(AccountProfile a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("email", a.email());
        m.put("client", a.client().toString());
        m.put("network", a.network().kind().id());
        m.put("networkOperator", a.network().operator().orElse(null));
        m.put("error", a.errorText());
        m.put("incoming", a.incoming().map(SessionJson::server).orElse(null));
        m.put("outgoing", a.primaryOutgoing().map(SessionJson::server).orElse(null));
        m.put("otherOutgoing", a.otherOutgoing().stream().map(SessionJson::server).toList());
        return m;
    }

    private static Map<String, Object> server(ServerSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (s.protocol().incoming()) {
            m.put("protocol", s.protocol().id());
        }
        m.put("host", s.host());
        m.put("port", s.port());
        m.put("security", s.security().id());
        m.put("auth", s.auth().id());
        m.put("username", s.username().orElse(null));
        m.put("passwordSet", s.passwordSet());
        m.put("enabled", s.enabled());
        return m;
    }

    private static Map<String, Object> diagnosis(DiagnosisRecord d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", d.at().toString());
        Map<String, Object> provider = null;
        if (d.providerId().isPresent()) {
            provider = new LinkedHashMap<>();
            provider.put("id", d.providerId().get());
            provider.put("name", d.providerName().orElse(null));
        }
        m.put("provider", provider);
        m.put("findings", d.findings().stream().map(DiagnosisJson::finding).toList());
        m.put("errors", d.errors().stream().map(e -> Map.of("provider", e.provider(), "rule", e.rule(), "message",
                e.message())).toList());
        return m;
    }

    private static Map<String, Object> probe(ProbeRecord p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", p.at().toString());
        m.put("host", p.host());
        m.put("port", p.port());
        m.put("security", p.security());
        m.put("code", p.code().orElse(null));
        m.put("summary", p.summary());
        m.put("transcript", List.copyOf(p.transcript()));
        return m;
    }

    private static Map<String, Object> step(StepRecord s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("procedure", s.procedureId());
        m.put("step", s.stepId());
        m.put("state", s.state().id());
        m.put("note", s.note());
        m.put("at", s.at().toString());
        m.put("agent", s.agent());
        return m;
    }

    private static Map<String, Object> audit(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.sequence());
        m.put("at", e.at().toString());
        m.put("agent", e.agent());
        m.put("action", e.action());
        m.put("detail", e.detail());
        return m;
    }
}
