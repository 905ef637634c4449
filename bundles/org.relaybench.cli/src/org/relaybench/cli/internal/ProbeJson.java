package org.relaybench.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.relaybench.probe.AccountProbe;
import org.relaybench.probe.DnsReport;
import org.relaybench.probe.LoginReport;
import org.relaybench.probe.ProbeReport;
import org.relaybench.probe.ProbeStage;
import org.relaybench.probe.RelayCheck;
import org.relaybench.probe.SrvRecord;
import org.relaybench.probe.TlsInfo;

/**
 * The JSON form of a probe, as DESIGN.md promises: {@code host, port, security, stages [{name, ok,
 * reply, millis}], code, transcript}, plus {@code summary, tls, extensions, authMechanisms, relays,
 * millis}, and with an account's checks {@code incoming} and {@code dns}. Nothing in it can contain the
 * password: the reports it is made from never do.
 */
final class ProbeJson {

    private ProbeJson() {
    }

    static Map<String, Object> tree(AccountProbe probe) {
        Map<String, Object> root = probe.smtp().map(ProbeJson::smtp).orElseGet(ProbeJson::noSmtp);
        root.put("incoming", probe.incoming().map(ProbeJson::login).orElse(null));
        root.put("dns", probe.dns().map(ProbeJson::dns).orElse(null));
        return root;
    }

    static Map<String, Object> smtp(ProbeReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", r.host());
        m.put("port", r.port());
        m.put("security", r.security().id());
        List<Object> stages = new ArrayList<>();
        for (ProbeStage s : r.stages()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", s.name());
            sm.put("ok", s.ok());
            sm.put("reply", s.reply());
            sm.put("millis", s.millis());
            stages.add(sm);
        }
        m.put("stages", stages);
        m.put("code", r.code().orElse(null));
        m.put("summary", r.summary());
        m.put("transcript", r.transcript());
        m.put("tls", r.tls().map(ProbeJson::tls).orElse(null));
        m.put("extensions", r.extensions());
        m.put("authMechanisms", r.authMechanisms());
        List<Object> relays = new ArrayList<>();
        for (RelayCheck c : r.relays()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("authenticated", c.authenticated());
            cm.put("accepted", c.accepted());
            cm.put("reply", c.reply());
            relays.add(cm);
        }
        m.put("relays", relays);
        m.put("millis", r.millis());
        return m;
    }

    private static Map<String, Object> noSmtp() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String key : List.of("host", "port", "security", "code")) {
            m.put(key, null);
        }
        m.put("stages", List.of());
        m.put("transcript", List.of());
        return m;
    }

    private static Map<String, Object> tls(TlsInfo t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", t.protocol());
        m.put("cipher", t.cipher());
        m.put("subject", t.subject());
        m.put("issuer", t.issuer());
        m.put("notAfter", t.notAfter().toString());
        m.put("hostnameMatches", t.hostnameMatches());
        m.put("trusted", t.trusted());
        m.put("problem", t.problem().orElse(null));
        return m;
    }

    static Map<String, Object> login(LoginReport l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", l.protocol().id());
        m.put("host", l.host());
        m.put("port", l.port());
        m.put("security", l.security().id());
        m.put("outcome", l.outcome().id());
        m.put("detail", l.detail());
        m.put("millis", l.millis());
        return m;
    }

    static Map<String, Object> dns(DnsReport d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("domain", d.domain());
        m.put("resolver", d.resolver());
        m.put("mx", d.mx().stream().map(x -> Map.of("preference", x.preference(), "host", x.host())).toList());
        m.put("submission", d.submission().stream().map(ProbeJson::srv).toList());
        m.put("submissions", d.submissions().stream().map(ProbeJson::srv).toList());
        m.put("smtpHost", d.smtpHost().orElse(null));
        m.put("smtpAddresses", d.smtpAddresses());
        m.put("smtpHostMissing", d.smtpHostMissing());
        m.put("problems", d.problems());
        m.put("millis", d.millis());
        return m;
    }

    private static Map<String, Object> srv(SrvRecord s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("priority", s.priority());
        m.put("weight", s.weight());
        m.put("port", s.port());
        m.put("target", s.target());
        return m;
    }
}
