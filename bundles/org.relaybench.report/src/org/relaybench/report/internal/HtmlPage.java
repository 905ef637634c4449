package org.relaybench.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The frame of every HTML report: one self-contained page with inline CSS and a print stylesheet, no
 * JavaScript and nothing loaded from elsewhere, enforced by a Content-Security-Policy that allows only
 * inline styles and {@code data:} images. Text goes in through {@link #text(String)}, which cleans,
 * cuts and escapes it; markup the writers add is their own.
 */
final class HtmlPage {

    /** The policy of every report page: nothing runs, nothing is fetched. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "base-uri 'none'; form-action 'none'";

    /** Texts longer than this are cut, with a visible mark. */
    static final int MAX_FIELD = 4_000;

    private static final String CSS = """
            :root{--ink:#1d2433;--muted:#5b6475;--line:#d9dee7;--accent:#1f5fbf;--ok:#1e7d4f;--bad:#b3261e;\
            --warn:#9a5800;--bg:#eef1f5;--head:#f3f6fa}
            *{box-sizing:border-box}
            html{background:var(--bg)}
            body{margin:0;color:var(--ink);font:15px/1.5 "DejaVu Sans",system-ui,"Segoe UI",Roboto,Arial,sans-serif}
            main{max-width:920px;margin:24px auto;background:#fff;padding:32px 40px;border:1px solid var(--line);\
            border-radius:8px}
            header{border-bottom:3px solid var(--accent);padding-bottom:14px;margin-bottom:8px}
            .brand{color:var(--accent);font-size:12px;font-weight:700;letter-spacing:.08em;text-transform:uppercase}
            h1{font-size:25px;margin:2px 0 12px}
            h2{font-size:18px;margin:30px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
            h3{font-size:15px;margin:18px 0 6px}
            p,li,td,th,dd,h1,h2,h3{overflow-wrap:anywhere}
            dl.meta{display:grid;grid-template-columns:max-content minmax(0,1fr) max-content minmax(0,1fr);\
            gap:4px 18px;margin:0}
            dt{color:var(--muted)}
            dd{margin:0;font-weight:600}
            .badge{display:inline-block;padding:0 9px;border-radius:10px;font-size:12px;font-weight:700;\
            line-height:20px;white-space:nowrap}
            .b-resolved,.b-worked{background:#e2f3e9;color:var(--ok)}
            .b-unresolved,.b-did-not-work,.b-error{background:#fbe5e3;color:var(--bad)}
            .b-open,.b-warning{background:#fdf0dc;color:var(--warn)}
            .b-not-tried,.b-skipped,.b-info{background:#e8edf5;color:var(--muted)}
            .summary{background:var(--head);border:1px solid var(--line);border-radius:6px;padding:12px 16px;\
            margin:16px 0}
            .finding{border:1px solid var(--line);border-left:5px solid var(--bad);border-radius:4px;\
            padding:8px 14px;margin:10px 0}
            .finding.warning{border-left-color:var(--warn)}
            .finding.info{border-left-color:var(--accent)}
            .finding h3{margin:2px 0 4px}
            .finding ul{margin:4px 0 2px;padding-left:20px;font-size:13px;color:var(--muted)}
            .muted{color:var(--muted);font-size:13px}
            table{border-collapse:collapse;width:100%;margin:8px 0;table-layout:fixed}
            th,td{border:1px solid var(--line);padding:6px 9px;text-align:left;vertical-align:top}
            th{background:var(--head);font-weight:600}
            table.small{font-size:13px}
            td.v{font-family:"DejaVu Sans Mono",ui-monospace,Menlo,Consolas,monospace;font-size:14px;font-weight:600}
            td.changed{background:#fff5dc}
            td.changed small{display:block;font:400 12px/1.3 "DejaVu Sans",system-ui,sans-serif;color:var(--warn)}
            pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f4f5f7;border:1px solid var(--line);\
            border-radius:4px;padding:8px 10px;font:13px/1.4 "DejaVu Sans Mono",ui-monospace,monospace;margin:6px 0}
            blockquote{margin:6px 0;padding:6px 12px;border-left:4px solid var(--line);background:#fafbfc;\
            white-space:pre-wrap;overflow-wrap:anywhere}
            .chart{margin:6px 0 14px}
            .chart svg{width:100%;height:auto;display:block}
            .kpis{display:grid;grid-template-columns:repeat(4,1fr);gap:10px;margin:14px 0}
            .kpi{border:1px solid var(--line);border-radius:6px;padding:10px 12px;background:var(--head)}
            .kpi b{display:block;font-size:24px;line-height:1.2}
            footer{margin-top:34px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:8px}
            @page{size:A4;margin:16mm}
            @media print{html{background:#fff}body{font-size:10.5pt}main{border:0;margin:0;max-width:none;padding:0}\
            h2,h3{break-after:avoid}.finding,tr,.kpi,.chart{break-inside:avoid}\
            .badge,td.changed,th,.summary{print-color-adjust:exact;-webkit-print-color-adjust:exact}}
            """;

    private final StringBuilder b = new StringBuilder(16_384);

    HtmlPage(String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        b.append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n");
        b.append("<meta name=\"referrer\" content=\"no-referrer\">\n");
        b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        b.append("<meta name=\"generator\" content=\"Relaybench\">\n");
        b.append("<title>").append(text(title, 200)).append("</title>\n<style>\n").append(CSS).append("</style>\n");
        b.append("</head>\n<body>\n<main>\n");
    }

    /**
     * @param s any text
     * @return the text cleaned, on one line, cut at {@value #MAX_FIELD} characters and escaped
     */
    static String text(String s) {
        return text(s, MAX_FIELD);
    }

    static String text(String s, int max) {
        return Text.markup(Text.line(s, max));
    }

    /**
     * @param s any text
     * @return the text cleaned, line breaks kept (for {@code pre-wrap}), cut and escaped
     */
    static String block(String s) {
        return Text.markup(Text.block(s, MAX_FIELD));
    }

    /**
     * @param token an identifier made of letters, digits and dashes
     * @return it, for use in a class attribute; anything else becomes {@code x}
     */
    static String token(String token) {
        return token.matches("[a-z0-9-]{1,40}") ? token : "x";
    }

    /**
     * Appends markup the writer made itself.
     *
     * @param markup trusted markup
     * @return this page
     */
    HtmlPage raw(String markup) {
        b.append(markup);
        return this;
    }

    /**
     * Closes the page and writes it.
     *
     * @param out where to write UTF-8
     * @throws IOException when writing fails
     */
    void writeTo(OutputStream out) throws IOException {
        b.append("</main>\n</body>\n</html>\n");
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(b.toString());
        w.flush();
    }
}
