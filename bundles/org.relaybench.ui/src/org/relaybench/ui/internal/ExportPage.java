package org.relaybench.ui.internal;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.relaybench.core.session.SupportSession;
import org.relaybench.report.SessionExporter.Format;

/** Which formats, where, under which name. */
final class ExportPage extends WizardPage {

    private final SupportSession session;
    private final boolean hasFixKit;
    private final Map<Format, Button> checks = new EnumMap<>(Format.class);
    private Text folder;
    private Text name;

    ExportPage(SupportSession session, boolean hasFixKit) {
        super("export");
        this.session = session;
        this.hasFixKit = hasFixKit;
        setTitle(Messages.ExportTitle);
        setDescription(NLS.bind(Messages.ExportDescription, session.customer().isEmpty() ? session.ticket()
                : session.customer()));
    }

    @Override
    public void createControl(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(3, false));
        Group reports = new Group(root, SWT.NONE);
        reports.setText(Messages.ExportReports);
        reports.setLayout(new GridLayout(1, false));
        reports.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        Group kit = new Group(root, SWT.NONE);
        kit.setText(hasFixKit ? Messages.ExportFixKit : Messages.ExportNoFixKit);
        kit.setLayout(new GridLayout(1, false));
        kit.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        for (Format f : Format.values()) {
            Button b = new Button(f.fixKit() ? kit : reports, SWT.CHECK);
            b.setText(label(f));
            b.setData(Widgets.TEST_ID, "export." + f.id());
            b.setEnabled(!f.fixKit() || hasFixKit);
            b.setSelection(b.getEnabled());
            b.addListener(SWT.Selection, e -> validate());
            checks.put(f, b);
        }

        new Label(root, SWT.NONE).setText(Messages.ExportFolder);
        folder = new Text(root, SWT.BORDER);
        folder.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        folder.setText(System.getProperty("user.home"));
        folder.setData(Widgets.TEST_ID, "export.folder");
        folder.addModifyListener(e -> validate());
        Button browse = new Button(root, SWT.PUSH);
        browse.setText(Messages.ExportBrowse);
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(getShell());
            d.setFilterPath(folder.getText());
            String chosen = d.open();
            if (chosen != null) {
                folder.setText(chosen);
            }
        });
        new Label(root, SWT.NONE).setText(Messages.ExportName);
        name = new Text(root, SWT.BORDER);
        name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        name.setText(defaultName(session));
        name.setData(Widgets.TEST_ID, "export.name");
        name.addModifyListener(e -> validate());
        setControl(root);
        validate();
    }

    static String defaultName(SupportSession s) {
        String base = s.ticket().isEmpty() ? s.id() : s.ticket();
        return "session-" + base.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private String label(Format f) {
        String what = switch (f) {
        case HTML -> Messages.ExportHtml;
        case PDF -> Messages.ExportPdf;
        case JSON -> Messages.ExportJson;
        case CSV -> Messages.ExportCsv;
        case MARKDOWN -> Messages.ExportMarkdown;
        case MOBILECONFIG -> Messages.ExportMobileconfig;
        case AUTOCONFIG -> Messages.ExportAutoconfig;
        };
        return what + " (." + f.extension() + ")";
    }

    private void validate() {
        String problem = null;
        if (formats().isEmpty()) {
            problem = Messages.ExportNoFormat;
        } else if (folder.getText().isBlank()) {
            problem = Messages.ExportNoFolder;
        } else if (name.getText().isBlank() || name.getText().matches(".*[/\\\\].*")) {
            problem = Messages.ExportBadName;
        }
        setErrorMessage(problem);
        setPageComplete(problem == null);
    }

    Set<Format> formats() {
        Set<Format> chosen = EnumSet.noneOf(Format.class);
        checks.forEach((f, b) -> {
            if (b.getSelection() && b.getEnabled()) {
                chosen.add(f);
            }
        });
        return chosen;
    }

    Path folder() {
        return Path.of(folder.getText().trim());
    }

    String baseName() {
        return name.getText().trim();
    }
}
