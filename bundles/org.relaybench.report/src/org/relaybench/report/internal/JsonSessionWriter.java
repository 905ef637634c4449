package org.relaybench.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.diagnosis.DiagnosisError;
import org.relaybench.core.session.AuditEntry;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.ProbeRecord;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.FixKit;

import com.google.gson.stream.JsonWriter;

/**
 * Writes a session as JSON, schema {@value #SCHEMA}, documented member by member in
 * {@code docs/session-export-schema.md}. Members are always present, in that order; absent values
 * are {@code null}. HTML-significant characters are written as {@code \}{@code uXXXX} escapes, so
 * the text can be embedded in a web page safely.
 */
public final class JsonSessionWriter {

    /** The schema identifier; its number changes only when a member changes meaning or is removed. */
    public static final String SCHEMA = "relaybench.session/1";

    /** Texts longer than this are cut, with a visible mark. */
    static final int MAX_TEXT = 100_000;

    private JsonSessionWriter() {
    }

    /**
     * @param view the session
     * @param out where to write UTF-8
     * @throws IOException when writing fails
     */
    public static void write(SessionView view, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        JsonWriter j = new JsonWriter(w);
        j.setIndent("  ");
        j.setHtmlSafe(true);
        j.setSerializeNulls(true);
        SupportSession s = view.session();
        j.beginObject();
        j.name("schema").value(SCHEMA);
        j.name("generator").value("Relaybench");
        j.name("exported").value(view.generated().toString());
        j.name("session").beginObject();
        j.name("id").value(text(s.id()));
        j.name("opened").value(s.opened().toString());
        j.name("updated").value(s.updated().toString());
        j.name("agent").value(text(s.agent()));
        j.name("customer").value(text(s.customer()));
        j.name("ticket").value(text(s.ticket()));
        j.name("status").value(s.status().id());
        j.endObject();
        account(j, s.account());
        j.name("diagnoses").beginArray();
        for (DiagnosisRecord d : s.diagnoses()) {
            diagnosis(j, d);
        }
        j.endArray();
        j.name("probes").beginArray();
        for (ProbeRecord p : s.probes()) {
            probe(j, p);
        }
        j.endArray();
        steps(j, view);
        strings(j, "notes", s.notes());
        j.name("audit").beginArray();
        for (AuditEntry a : s.audit()) {
            j.beginObject();
            j.name("sequence").value(a.sequence());
            j.name("at").value(a.at().toString());
            j.name("agent").value(text(a.agent()));
            j.name("action").value(text(a.action()));
            j.name("detail").value(text(a.detail()));
            j.endObject();
        }
        j.endArray();
        fixKit(j, view.fixKit());
        j.endObject();
        j.flush();
        w.write('\n');
        w.flush();
    }

    private static String text(String s) {
        return Text.block(s, MAX_TEXT);
    }

    private static void strings(JsonWriter j, String name, List<String> values) throws IOException {
        j.name(name).beginArray();
        for (String v : values) {
            j.value(text(v));
        }
        j.endArray();
    }

    private static void account(JsonWriter j, AccountProfile a) throws IOException {
        j.name("account").beginObject();
        j.name("email").value(text(a.email()));
        j.name("client").value(text(a.client().toString()));
        j.name("network").beginObject();
        j.name("kind").value(a.network().kind().id());
        j.name("operator").value(a.network().operator().map(JsonSessionWriter::text).orElse(null));
        j.endObject();
        j.name("errorText").value(text(a.errorText()));
        j.name("incoming");
        server(j, a.incoming());
        j.name("outgoing");
        server(j, a.primaryOutgoing());
        j.name("otherOutgoing").beginArray();
        for (ServerSettings s : a.otherOutgoing()) {
            server(j, Optional.of(s));
        }
        j.endArray();
        j.endObject();
    }

    private static void server(JsonWriter j, Optional<ServerSettings> server) throws IOException {
        if (server.isEmpty()) {
            j.nullValue();
            return;
        }
        ServerSettings s = server.get();
        j.beginObject();
        j.name("protocol").value(s.protocol().id());
        j.name("host").value(text(s.host()));
        j.name("port").value(s.port());
        j.name("security").value(s.security().id());
        j.name("auth").value(s.auth().id());
        j.name("username").value(s.username().map(JsonSessionWriter::text).orElse(null));
        j.name("passwordSet").value(s.passwordSet());
        j.name("enabled").value(s.enabled());
        j.endObject();
    }

    private static void diagnosis(JsonWriter j, DiagnosisRecord d) throws IOException {
        j.beginObject();
        j.name("at").value(d.at().toString());
        j.name("provider");
        if (d.providerId().isPresent()) {
            j.beginObject();
            j.name("id").value(text(d.providerId().get()));
            j.name("name").value(text(d.providerName().orElse("")));
            j.endObject();
        } else {
            j.nullValue();
        }
        j.name("findings").beginArray();
        for (Finding f : d.findings()) {
            j.beginObject();
            j.name("code").value(text(f.code()));
            j.name("severity").value(f.severity().id());
            j.name("confidence").value(f.confidence());
            j.name("title").value(text(f.title()));
            j.name("evidence").beginArray();
            for (Evidence e : f.evidence()) {
                j.beginObject();
                j.name("kind").value(e.kind().name().toLowerCase(java.util.Locale.ROOT));
                j.name("subject").value(text(e.subject()));
                j.name("detail").value(text(e.detail()));
                j.endObject();
            }
            j.endArray();
            j.name("provider").value(text(f.provider()));
            j.name("rule").value(text(f.rule()));
            j.name("procedure").value(f.procedure().map(JsonSessionWriter::text).orElse(null));
            j.endObject();
        }
        j.endArray();
        j.name("errors").beginArray();
        for (DiagnosisError e : d.errors()) {
            j.beginObject();
            j.name("provider").value(text(e.provider()));
            j.name("rule").value(text(e.rule()));
            j.name("message").value(text(e.message()));
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }

    private static void probe(JsonWriter j, ProbeRecord p) throws IOException {
        j.beginObject();
        j.name("at").value(p.at().toString());
        j.name("host").value(text(p.host()));
        j.name("port").value(p.port());
        j.name("security").value(text(p.security()));
        j.name("code").value(p.code().map(JsonSessionWriter::text).orElse(null));
        j.name("summary").value(text(p.summary()));
        strings(j, "transcript", p.transcript());
        j.endObject();
    }

    private static void steps(JsonWriter j, SessionView view) throws IOException {
        j.name("procedures").beginArray();
        for (SessionView.ProcedureView p : view.procedures()) {
            j.beginObject();
            j.name("id").value(text(p.id()));
            j.name("title").value(text(p.title()));
            j.name("steps").beginArray();
            for (SessionView.StepView s : p.steps()) {
                j.beginObject();
                j.name("id").value(text(s.record().stepId()));
                j.name("text").value(text(s.text()));
                j.name("state").value(s.record().state().id());
                j.name("note").value(text(s.record().note()));
                j.name("at").value(s.record().at().toString());
                j.name("agent").value(text(s.record().agent()));
                j.endObject();
            }
            j.endArray();
            j.endObject();
        }
        j.endArray();
    }

    private static void fixKit(JsonWriter j, Optional<FixKit> kit) throws IOException {
        j.name("fixKit");
        if (kit.isEmpty()) {
            j.nullValue();
            return;
        }
        FixKit k = kit.get();
        j.beginObject();
        j.name("provider").value(k.providerId().orElse(null));
        j.name("providerName").value(text(k.providerName()));
        j.name("incoming");
        kitServer(j, k.incoming());
        j.name("outgoing");
        kitServer(j, k.outgoing());
        j.name("changes").beginArray();
        for (FixKit.Change c : k.changes()) {
            j.beginObject();
            j.name("setting").value(c.setting());
            j.name("configured").value(text(c.configured()));
            j.name("recommended").value(text(c.recommended()));
            j.endObject();
        }
        j.endArray();
        j.endObject();
    }

    private static void kitServer(JsonWriter j, FixKit.Server s) throws IOException {
        j.beginObject();
        j.name("protocol").value(s.protocol().id());
        j.name("host").value(text(s.host()));
        j.name("port").value(s.port());
        j.name("security").value(s.security().id());
        j.name("auth").value(s.auth().id());
        j.name("usernameForm").value(s.usernameForm().id());
        j.name("username").value(text(s.username()));
        j.name("source").value(s.source().id());
        j.endObject();
    }
}
