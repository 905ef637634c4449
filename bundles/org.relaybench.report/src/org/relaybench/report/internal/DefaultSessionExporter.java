package org.relaybench.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.relaybench.core.providers.ProviderCatalog;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.FixKit;
import org.relaybench.report.SessionExporter;
import org.relaybench.report.SummaryReport;

/**
 * The exporter service. Stateless apart from its collaborators: each call takes one snapshot of the
 * provider catalog, so a provider installed meanwhile never shows up half-way through a report.
 * <p>
 * Component property {@value #ORGANIZATION}: who hands out the fix kit profiles (shown by iOS and
 * macOS when installing one); defaults to a neutral text.
 */
@Component(service = SessionExporter.class)
public final class DefaultSessionExporter implements SessionExporter {

    /** The name of the component property that names the support organisation. */
    public static final String ORGANIZATION = "organization";

    @Reference
    private ProviderCatalog catalog;

    private final Clock clock;
    private volatile String organization = Messages.Profile_organization;

    /** Creates the service; DS injects the catalog. */
    public DefaultSessionExporter() {
        this.clock = Clock.systemUTC();
    }

    /**
     * Creates an exporter outside DS, for tests and tools.
     *
     * @param catalog the provider catalog
     * @param clock the time written into exports
     * @param organization who hands out the fix kit profiles
     */
    public DefaultSessionExporter(ProviderCatalog catalog, Clock clock, String organization) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.organization = Objects.requireNonNull(organization, "organization");
    }

    @Activate
    void activate(Map<String, Object> properties) {
        Object o = properties.get(ORGANIZATION);
        if (o instanceof String s && !s.isBlank()) {
            organization = s.trim();
        }
    }

    @Override
    public void export(SupportSession session, Format format, OutputStream out) throws IOException {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        ProviderCatalog.Snapshot snapshot = catalog.snapshot();
        Optional<FixKit> kit = FixKitBuilder.build(session, snapshot);
        if (format.fixKit()) {
            FixKit k = kit.orElseThrow(() -> new IllegalArgumentException(
                    "no fix kit for session " + session.id() + ": the incoming or outgoing server is unknown"));
            if (format == Format.MOBILECONFIG) {
                MobileconfigWriter.write(k, session.id(), organization, out);
            } else {
                AutoconfigWriter.write(k, out);
            }
            return;
        }
        SessionView view = SessionView.of(session, snapshot, kit, now());
        switch (format) {
        case HTML -> HtmlSessionWriter.write(view, out);
        case PDF -> PdfSessionWriter.write(view, out);
        case JSON -> JsonSessionWriter.write(view, out);
        case CSV -> CsvSessionWriter.write(view, out);
        case MARKDOWN -> MarkdownSessionWriter.write(view, out);
        default -> throw new IllegalArgumentException("unhandled format " + format);
        }
    }

    @Override
    public Optional<FixKit> fixKit(SupportSession session) {
        return FixKitBuilder.build(Objects.requireNonNull(session, "session"), catalog.snapshot());
    }

    @Override
    public SummaryReport summarize(List<SupportSession> sessions) {
        return SummaryStats.compute(List.copyOf(sessions), catalog.snapshot());
    }

    @Override
    public void exportSummary(List<SupportSession> sessions, Format format, OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        if (!Objects.requireNonNull(format, "format").summary()) {
            throw new IllegalArgumentException("a summary is written as html or pdf, not " + format.id());
        }
        SummaryReport report = summarize(sessions);
        if (format == Format.HTML) {
            SummaryHtmlWriter.write(report, now(), out);
        } else {
            SummaryPdfWriter.write(report, now(), out);
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
