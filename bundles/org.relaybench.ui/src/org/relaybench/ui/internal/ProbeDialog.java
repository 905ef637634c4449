package org.relaybench.ui.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.relaybench.probe.ProbeSettings;
import org.relaybench.probe.Secret;
import org.relaybench.store.RememberedPasswords;

/**
 * Asks how to probe the account's servers: the customer's password in a masked field (optional: the
 * probe then learns only whether the server asks for one), the outside test recipient and the time
 * allowed. The password leaves the dialog as a {@link Secret} that the caller clears after the probe;
 * it is never kept in a preference or in the log. Only when the agent ticks "Remember" is it kept,
 * encrypted, in Eclipse secure storage ({@link RememberedPasswords}), and filled in the next time;
 * unticking it forgets the password.
 */
final class ProbeDialog extends TitleAreaDialog {

    private final String account;
    private final Supplier<RememberedPasswords> passwords;
    private final ProbeSettings defaults;
    private Text password;
    private Button remember;
    /** Whether a password was remembered for the account when the dialog opened. */
    private boolean wasRemembered;
    private Text recipient;
    private Spinner timeout;
    private Optional<Secret> secret = Optional.empty();
    private ProbeSettings settings = ProbeSettings.DEFAULTS;

    /**
     * @param parent the shell
     * @param account the account's address
     * @param passwords opens secure storage, when the dialog first needs it
     * @param defaults the recipient and time allowed to offer, and the DNS server to ask (the preferences)
     */
    ProbeDialog(Shell parent, String account, Supplier<RememberedPasswords> passwords, ProbeSettings defaults) {
        super(parent);
        this.account = account;
        this.passwords = passwords;
        this.defaults = defaults;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.ProbeTitle);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.ProbeTitle);
        setMessage(NLS.bind(Messages.ProbeMessage, account));
        Composite body = new Composite(area, SWT.NONE);
        body.setLayout(new GridLayout(2, false));
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(body, SWT.NONE).setText(Messages.ProbePassword);
        password = new Text(body, SWT.BORDER | SWT.PASSWORD);
        password.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        password.setMessage(Messages.ProbePasswordHint);
        password.setData(Widgets.TEST_ID, "probe.password");
        new Label(body, SWT.NONE);
        remember = new Button(body, SWT.CHECK);
        remember.setText(Messages.ProbeRemember);
        remember.setToolTipText(Messages.ProbeRememberTip);
        remember.setData(Widgets.TEST_ID, "probe.remember");
        new Label(body, SWT.NONE).setText(Messages.ProbeRecipient);
        recipient = new Text(body, SWT.BORDER);
        recipient.setText(defaults.to());
        recipient.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        recipient.setData(Widgets.TEST_ID, "probe.recipient");
        new Label(body, SWT.NONE).setText(Messages.ProbeTimeout);
        timeout = new Spinner(body, SWT.BORDER);
        timeout.setValues((int) Math.max(1, Math.min(120, defaults.timeout().toSeconds())), 1, 120, 0, 1, 10);
        timeout.setData(Widgets.TEST_ID, "probe.timeout");
        recall();
        password.setFocus();
        return area;
    }

    @Override
    protected org.eclipse.swt.graphics.Point getInitialSize() {
        // the message wraps: a fixed, modest width keeps the dialog on a 1024x768 screen
        org.eclipse.swt.graphics.Point p = super.getInitialSize();
        return new org.eclipse.swt.graphics.Point(Math.min(p.x, 560), Math.max(p.y, 300));
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.ProbeRun, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        String to = recipient.getText().trim();
        if (!SupportContext.isAddress(to)) {
            setErrorMessage(Messages.ProbeBadRecipient);
            return;
        }
        char[] chars = password.getTextChars();
        try {
            if (remember.getSelection() && chars.length > 0) {
                passwords.get().remember(account, chars);
            } else if (wasRemembered) {
                passwords.get().forget(account);
            }
        } catch (RuntimeException e) {
            // secure storage refused (no master password, cancelled): say so, and let the agent untick or retry
            java.util.Arrays.fill(chars, '\0');
            ILog.of(getClass()).warn("Secure storage refused the probe password", e);
            setErrorMessage(NLS.bind(Messages.ProbeRememberFailed, e.getMessage()));
            return;
        }
        secret = chars.length == 0 ? Optional.empty() : Optional.of(Secret.of(chars));
        java.util.Arrays.fill(chars, '\0');
        password.setText("");
        settings = new ProbeSettings(to, Duration.ofSeconds(timeout.getSelection()), defaults.trust(), defaults.dns());
        super.okPressed();
    }

    /** Fills in the password remembered for the account, if there is one, with "Remember" ticked. */
    private void recall() {
        try {
            Optional<char[]> kept = passwords.get().recall(account);
            if (kept.isPresent()) {
                char[] chars = kept.get();
                password.setTextChars(chars);
                java.util.Arrays.fill(chars, '\0');
                remember.setSelection(true);
                wasRemembered = true;
            }
        } catch (RuntimeException e) {
            ILog.of(getClass()).warn("Secure storage could not be read", e);
            setErrorMessage(NLS.bind(Messages.ProbeRecallFailed, e.getMessage()));
        }
    }

    /** @return the password, when one was typed; the caller clears it */
    Optional<Secret> secret() {
        return secret;
    }

    ProbeSettings settings() {
        return settings;
    }
}
