package org.relaybench.ui.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.AuthMethod;
import org.relaybench.session.AccountCheck;
import org.relaybench.session.AccountFields;
import org.relaybench.session.FieldProblem;
import org.relaybench.session.ServerFields;

/**
 * The account as the customer configured it, typed in by the agent: address, client, the outgoing
 * server as on the device, the network and the exact error text. There is deliberately no password
 * field: only whether the customer's password field is filled in matters to a diagnosis.
 */
final class AccountForm {

    static final List<String> CLIENTS = List.of("ios-18", "ios-17", "ios-16", "ios-15", "ios-14", "ios-13", "ios-12",
            "ios-11", "ios-10", "ios-9", "ipados-17", "macos", "outlook", "thunderbird", "android", "unknown");

    private final Text email;
    private final Combo client;
    private final Text host;
    private final Text port;
    private final Combo security;
    private final Combo auth;
    private final Text user;
    private final Button passwordSet;
    private final Button serverOn;
    private final Combo network;
    private final Text error;

    AccountForm(Composite parent) {
        Group account = group(parent, Messages.FormAccount);
        email = text(account, Messages.FormEmail, "form.email");
        client = combo(account, Messages.FormClient, "form.client", CLIENTS);
        network = combo(account, Messages.FormNetwork, "form.network", List.of("unknown", "wifi", "cellular"));

        Group smtp = group(parent, Messages.FormOutgoing);
        host = text(smtp, Messages.FormHost, "form.smtp.host");
        port = text(smtp, Messages.FormPort, "form.smtp.port");
        security = combo(smtp, Messages.FormSecurity, "form.smtp.security", List.of("starttls", "tls", "none"));
        auth = combo(smtp, Messages.FormAuth, "form.smtp.auth", List.of("password", "none", "oauth2", "app-password"));
        user = text(smtp, Messages.FormUser, "form.smtp.user");
        new Label(smtp, SWT.NONE);
        passwordSet = check(smtp, Messages.FormPasswordSet, "form.smtp.passwordSet", true);
        new Label(smtp, SWT.NONE);
        serverOn = check(smtp, Messages.FormServerOn, "form.smtp.on", true);

        Group errorGroup = group(parent, Messages.FormError);
        errorGroup.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        ((GridLayout) errorGroup.getLayout()).numColumns = 1;
        error = new Text(errorGroup, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        GridData errorData = new GridData(SWT.FILL, SWT.FILL, true, true);
        errorData.heightHint = 80;
        error.setLayoutData(errorData);
        error.setData(Widgets.TEST_ID, "form.error");
    }

    /**
     * @return the account as typed, validated by the session service's rules (the same as the
     *         command line's)
     * @throws IllegalArgumentException naming every field that is not valid
     */
    AccountProfile account() {
        AccountFields fields = AccountFields.create().email(email.getText()).client(client.getText())
                .network(network.getText()).errorText(error.getText());
        if (!host.getText().isBlank()) {
            fields.outgoing(ServerFields.create().host(host.getText()).port(port.getText()).security(security.getText())
                    .auth(auth.getText()).user(user.getText()).passwordSet(passwordSet.getSelection()
                            && AuthMethod.parse(auth.getText()).map(AuthMethod::authenticates).orElse(true))
                    .enabled(serverOn.getSelection()));
        }
        AccountCheck check = fields.check();
        if (!check.ok()) {
            throw new IllegalArgumentException(check.problems().stream().map(AccountForm::describe)
                    .collect(Collectors.joining("\n")));
        }
        return check.orElseThrow();
    }

    private static String describe(FieldProblem p) {
        String field = switch (p.field()) {
        case EMAIL -> Messages.FormEmail;
        case CLIENT -> Messages.FormClient;
        case NETWORK -> Messages.FormNetwork;
        case SMTP_HOST -> Messages.FormHost;
        case SMTP_PORT -> Messages.FormPort;
        case SMTP_SECURITY -> Messages.FormSecurity;
        case SMTP_AUTH -> Messages.FormAuth;
        case SMTP_USER -> Messages.FormUser;
        default -> p.field().option();
        };
        return field.replace(":", "").trim() + " " + p.message();
    }

    private static Group group(Composite parent, String title) {
        Group g = new Group(parent, SWT.NONE);
        g.setText(title);
        g.setLayout(new GridLayout(2, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return g;
    }

    private static Text text(Composite parent, String label, String id) {
        new Label(parent, SWT.NONE).setText(label);
        Text t = new Text(parent, SWT.BORDER);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        t.setData(Widgets.TEST_ID, id);
        return t;
    }

    private static Combo combo(Composite parent, String label, String id, List<String> items) {
        new Label(parent, SWT.NONE).setText(label);
        Combo c = new Combo(parent, SWT.DROP_DOWN | SWT.READ_ONLY);
        c.setItems(items.toArray(String[]::new));
        c.select(0);
        c.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        c.setData(Widgets.TEST_ID, id);
        return c;
    }

    private static Button check(Composite parent, String label, String id, boolean selected) {
        Button b = new Button(parent, SWT.CHECK);
        b.setText(label);
        b.setSelection(selected);
        b.setData(Widgets.TEST_ID, id);
        return b;
    }
}
