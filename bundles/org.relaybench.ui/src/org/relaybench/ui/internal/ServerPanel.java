package org.relaybench.ui.internal;

import java.util.List;
import java.util.Map;

import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.fieldassist.FieldDecorationRegistry;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.forms.widgets.FormToolkit;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.ServerSettings;
import org.relaybench.session.AccountField;
import org.relaybench.session.ServerFields;

/**
 * One mail server's fields as the device shows them: host, port, TLS, authentication, user name,
 * whether the password field is filled in and (iOS) whether the server is switched on. There is
 * deliberately no password field: only whether the customer's is filled in matters to a diagnosis.
 */
final class ServerPanel {

    static final List<String> SECURITIES = List.of("starttls", "tls", "none");
    static final List<String> AUTHS = List.of("password", "none", "oauth2", "app-password");

    private final Composite root;
    private final Combo protocol;
    private final Text host;
    private final Text port;
    private final Label securityLabel;
    private final Combo security;
    private final Label authLabel;
    private final Combo auth;
    private final Text user;
    private final Button passwordSet;
    private final Button on;
    private final Label onSpacer;

    /**
     * @param parent where
     * @param toolkit the form's toolkit
     * @param id test id prefix, e.g. {@code form.smtp}
     * @param incoming whether this is the incoming server (protocol, no On switch)
     * @param changed told on every edit
     */
    ServerPanel(Composite parent, FormToolkit toolkit, String id, boolean incoming, Runnable changed) {
        root = toolkit.createComposite(parent);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.horizontalSpacing = 12;
        root.setLayout(layout);
        if (incoming) {
            label(toolkit, Messages.FormProtocol);
            protocol = combo(toolkit, id + ".protocol", List.of("imap", "pop3"), changed);
        } else {
            protocol = null;
        }
        if (!incoming) {
            onSpacer = toolkit.createLabel(root, "");
            onSpacer.setLayoutData(new GridData());
            on = toolkit.createButton(root, Messages.FormServerOn, SWT.CHECK);
            on.setLayoutData(new GridData());
            on.setSelection(true);
            on.setData(Widgets.TEST_ID, id + ".on");
            on.addListener(SWT.Selection, e -> changed.run());
        } else {
            on = null;
            onSpacer = null;
        }
        label(toolkit, Messages.FormHost);
        host = text(toolkit, id + ".host", changed);
        label(toolkit, Messages.FormUser);
        user = text(toolkit, id + ".user", changed);
        toolkit.createLabel(root, "");
        passwordSet = toolkit.createButton(root, Messages.FormPasswordSet, SWT.CHECK);
        passwordSet.setSelection(true);
        passwordSet.setData(Widgets.TEST_ID, id + ".passwordSet");
        passwordSet.addListener(SWT.Selection, e -> changed.run());
        securityLabel = label(toolkit, Messages.FormSecurity);
        security = combo(toolkit, id + ".security", SECURITIES, changed);
        authLabel = label(toolkit, Messages.FormAuth);
        auth = combo(toolkit, id + ".auth", AUTHS, changed);
        label(toolkit, Messages.FormPort);
        port = text(toolkit, id + ".port", changed);
        ((GridData) port.getLayoutData()).widthHint = 60;
        ((GridData) port.getLayoutData()).grabExcessHorizontalSpace = false;
        ((GridData) port.getLayoutData()).horizontalAlignment = SWT.BEGINNING;
    }

    Composite control() {
        return root;
    }

    /** Words the labels as the customer's client does. */
    void setFamily(ClientFamily family) {
        securityLabel.setText(family.security());
        authLabel.setText(family.auth());
        if (on != null) {
            ((GridData) on.getLayoutData()).exclude = family != ClientFamily.IOS;
            on.setVisible(family == ClientFamily.IOS);
            ((GridData) onSpacer.getLayoutData()).exclude = family != ClientFamily.IOS;
            onSpacer.setVisible(family == ClientFamily.IOS);
        }
    }

    /** @return whether anything identifying a server was typed */
    boolean given() {
        return !host.getText().isBlank() || !port.getText().isBlank() || !user.getText().isBlank();
    }

    /** @param onlyIos whether the On switch counts (iOS); otherwise the server is on */
    ServerFields fields(boolean onlyIos) {
        ServerFields f = ServerFields.create().host(host.getText()).port(port.getText()).security(security.getText())
                .auth(auth.getText()).user(user.getText()).passwordSet(passwordSet.getSelection()
                        && AuthMethod.parse(auth.getText()).map(AuthMethod::authenticates).orElse(true))
                .enabled(on == null || !onlyIos || on.getSelection());
        if (protocol != null) {
            f.protocol(protocol.getText());
        }
        return f;
    }

    void set(ServerSettings s) {
        if (protocol != null) {
            select(protocol, s.protocol().id());
        }
        host.setText(s.host());
        port.setText(s.port() == 0 ? "" : Integer.toString(s.port()));
        select(security, s.security().id());
        select(auth, s.auth().id());
        user.setText(s.username().orElse(""));
        passwordSet.setSelection(s.passwordSet());
        if (on != null) {
            on.setSelection(s.enabled());
        }
    }

    /** @param decorations where each field's control goes, by the account field it shows */
    void register(Map<AccountField, Control> decorations, String prefix) {
        decorations.put(AccountField.valueOf(prefix + "HOST"), host);
        decorations.put(AccountField.valueOf(prefix + "PORT"), port);
        decorations.put(AccountField.valueOf(prefix + "SECURITY"), security);
        decorations.put(AccountField.valueOf(prefix + "AUTH"), auth);
        decorations.put(AccountField.valueOf(prefix + "USER"), user);
        if (protocol != null) {
            decorations.put(AccountField.INCOMING_PROTOCOL, protocol);
        }
    }

    void clearDecorations() {
        for (Control c : new Control[] { host, port, security, auth, user }) {
            Decorations.show(c, null);
        }
    }

    Control host() {
        return host;
    }

    private Label label(FormToolkit toolkit, String text) {
        return toolkit.createLabel(root, text);
    }

    private Text text(FormToolkit toolkit, String id, Runnable changed) {
        Text t = toolkit.createText(root, "", SWT.SINGLE | SWT.BORDER);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 140;
        data.horizontalIndent = 4;
        t.setLayoutData(data);
        t.setData(Widgets.TEST_ID, id);
        t.addModifyListener(e -> changed.run());
        Decorations.attach(t);
        return t;
    }

    private Combo combo(FormToolkit toolkit, String id, List<String> items, Runnable changed) {
        Combo c = new Combo(root, SWT.DROP_DOWN | SWT.READ_ONLY);
        toolkit.adapt(c);
        c.setItems(items.toArray(String[]::new));
        c.select(0);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 120;
        data.horizontalIndent = 4;
        c.setLayoutData(data);
        c.setData(Widgets.TEST_ID, id);
        c.addListener(SWT.Selection, e -> changed.run());
        Decorations.attach(c);
        return c;
    }

    static void select(Combo combo, String value) {
        int i = List.of(combo.getItems()).indexOf(value);
        if (i >= 0) {
            combo.select(i);
        }
    }

    /** Field decorations: one per field, hidden until the field has a problem. */
    static final class Decorations {

        /** Control data key of a field's {@link ControlDecoration}, for tests and accessibility tools. */
        static final String KEY = "org.relaybench.decoration";

        private Decorations() {
        }

        static ControlDecoration attach(Control control) {
            ControlDecoration d = new ControlDecoration(control, SWT.LEFT | SWT.TOP);
            d.setImage(FieldDecorationRegistry.getDefault().getFieldDecoration(FieldDecorationRegistry.DEC_ERROR)
                    .getImage());
            d.setMarginWidth(1);
            d.hide();
            control.setData(KEY, d);
            return d;
        }

        static void show(Control control, String message) {
            ControlDecoration d = (ControlDecoration) control.getData(KEY);
            if (message == null) {
                d.hide();
                d.setDescriptionText(null);
            } else {
                d.setDescriptionText(message);
                d.show();
            }
        }
    }
}
