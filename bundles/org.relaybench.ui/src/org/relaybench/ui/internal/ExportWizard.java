package org.relaybench.ui.internal;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.osgi.util.NLS;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.SessionExporter.Format;
import org.relaybench.session.SupportSessions;

/**
 * Exports a logged session: every report format and the fix kit (Apple configuration profile,
 * Thunderbird autoconfig), each written completely or not at all by
 * {@link SupportSessions#export(SupportSession, Format, Path)}. Writing runs in the wizard's progress
 * area, with Cancel between files.
 */
public final class ExportWizard extends Wizard {

    private final SupportSessions service;
    private final SupportSession session;
    private final boolean hasFixKit;
    private ExportPage page;
    private final List<Path> written = new ArrayList<>();

    /**
     * @param service the session service
     * @param session the session, read from the log
     */
    public ExportWizard(SupportSessions service, SupportSession session) {
        this.service = service;
        this.session = session;
        this.hasFixKit = service.fixKit(session).isPresent();
        setWindowTitle(Messages.ExportTitle);
        setNeedsProgressMonitor(true);
    }

    @Override
    public void addPages() {
        page = new ExportPage(session, hasFixKit);
        addPage(page);
    }

    /** @return the files the last Finish wrote */
    public List<Path> written() {
        return List.copyOf(written);
    }

    @Override
    public boolean performFinish() {
        Path folder = page.folder();
        Set<Format> formats = page.formats();
        String base = page.baseName();
        written.clear();
        Map<Format, String> failures = new EnumMap<>(Format.class);
        try {
            Files.createDirectories(folder);
            getContainer().run(true, true, monitor -> {
                SubMonitor sub = SubMonitor.convert(monitor, Messages.ExportJob, formats.size());
                for (Format f : formats) {
                    if (sub.isCanceled()) {
                        throw new InterruptedException();
                    }
                    Path file = folder.resolve(base + "." + f.extension());
                    sub.subTask(file.getFileName().toString());
                    try {
                        service.export(session, f, file);
                        written.add(file);
                    } catch (java.io.IOException | RuntimeException e) {
                        failures.put(f, String.valueOf(e.getMessage()));
                    }
                    sub.worked(1);
                }
            });
        } catch (InvocationTargetException e) {
            page.setErrorMessage(NLS.bind(Messages.ExportFailed, e.getCause().getMessage()));
            return false;
        } catch (InterruptedException | OperationCanceledException e) {
            page.setErrorMessage(NLS.bind(Messages.ExportCancelled, written.size()));
            return false;
        } catch (java.io.IOException e) {
            page.setErrorMessage(NLS.bind(Messages.ExportFailed, e.getMessage()));
            return false;
        }
        if (!failures.isEmpty()) {
            page.setErrorMessage(NLS.bind(Messages.ExportSomeFailed, failures));
            return false;
        }
        return true;
    }
}
