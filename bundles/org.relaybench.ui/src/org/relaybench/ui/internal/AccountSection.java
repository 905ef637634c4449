package org.relaybench.ui.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.osgi.util.NLS;
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
import org.eclipse.ui.forms.widgets.Section;
import org.relaybench.core.AccountProfile;
import org.relaybench.core.ClientInfo;
import org.relaybench.core.ServerSettings;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.session.AccountCheck;
import org.relaybench.session.AccountField;
import org.relaybench.session.AccountFields;
import org.relaybench.session.FieldProblem;
import org.relaybench.session.SessionOpening;
import org.relaybench.session.SupportSessions;

/**
 * The upper half of the session editor: who the session is for (customer, ticket), the account with
 * its provider recognised as the address is typed, the client and its OS version, the incoming and
 * outgoing servers laid out as on the device, and the error text. Every edit is checked by the
 * session service ({@link SupportSessions#check}) and each problem decorates its field.
 */
final class AccountSection {

    static final List<String> CLIENTS = List.of("ios", "ipados", "macos", "outlook", "thunderbird", "android",
            "unknown");

    private final FormToolkit toolkit;
    private final Runnable changed;
    private final Text customer;
    private final Text ticket;
    private final Text email;
    private final Label provider;
    private final Combo client;
    private final Text version;
    private final Combo network;
    private final Section incomingSection;
    private final ServerPanel incoming;
    private final Section outgoingSection;
    private final ServerPanel outgoing;
    private final Composite others;
    private final Button addOther;
    private final List<ServerPanel> otherPanels = new ArrayList<>();
    private final Text error;
    private final Map<AccountField, Control> fieldControls = new EnumMap<>(AccountField.class);
    private ClientFamily family = ClientFamily.IOS;
    /** Whether Diagnose was tried: until then an empty field is not marked as missing. */
    private boolean attempted;

    /**
     * @param left column for the session, account and error text
     * @param right column for the servers
     * @param toolkit the form's toolkit
     * @param changed told on every edit, after the fields were checked
     */
    AccountSection(Composite left, Composite right, FormToolkit toolkit, Runnable changed) {
        this.toolkit = toolkit;
        this.changed = changed;
        Composite who = section(left, toolkit, Messages.SectionSession, Messages.SectionSessionHint);
        customer = text(who, Messages.FormCustomer, "form.customer");
        ticket = text(who, Messages.FormTicket, "form.ticket");

        Composite account = section(left, toolkit, Messages.FormAccount, null);
        email = text(account, Messages.FormEmail, "form.email");
        toolkit.createLabel(account, Messages.FormProvider);
        provider = toolkit.createLabel(account, Messages.ProviderNone, SWT.WRAP);
        provider.setLayoutData(Widgets.wrapping());
        provider.setData(Widgets.TEST_ID, "form.provider");
        client = combo(account, Messages.FormClient, "form.client", CLIENTS);
        version = text(account, Messages.FormVersion, "form.version");
        network = combo(account, Messages.FormNetwork, "form.network", List.of("unknown", "wifi", "cellular"));

        Composite errorArea = section(left, toolkit, Messages.FormError, null);
        ((GridLayout) errorArea.getLayout()).numColumns = 1;
        error = toolkit.createText(errorArea, "", SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        GridData errorData = new GridData(SWT.FILL, SWT.FILL, true, false);
        errorData.heightHint = 64;
        errorData.widthHint = 200;
        error.setLayoutData(errorData);
        error.setData(Widgets.TEST_ID, "form.error");
        error.addModifyListener(e -> edited());
        ServerPanel.Decorations.attach(error);
        // Tab leaves the error text (a multi-line field would take it as a character)
        error.addTraverseListener(e -> {
            if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
                e.doit = true;
            }
        });

        Composite in = section(right, toolkit, Messages.FormIncoming, null);
        incomingSection = (Section) in.getParent();
        ((GridLayout) in.getLayout()).numColumns = 1;
        incoming = new ServerPanel(in, toolkit, "form.incoming", true, this::edited);
        incoming.control().setLayoutData(fill());
        incoming.register(fieldControls, "INCOMING_");

        Composite out = section(right, toolkit, Messages.FormOutgoing, null);
        outgoingSection = (Section) out.getParent();
        ((GridLayout) out.getLayout()).numColumns = 1;
        outgoing = new ServerPanel(out, toolkit, "form.smtp", false, this::edited);
        outgoing.control().setLayoutData(fill());
        outgoing.register(fieldControls, "SMTP_");
        others = toolkit.createComposite(out);
        GridLayout othersLayout = new GridLayout(1, false);
        othersLayout.marginWidth = 0;
        others.setLayout(othersLayout);
        others.setLayoutData(fill());
        addOther = toolkit.createButton(out, Messages.FormAddOtherSmtp, SWT.PUSH);
        addOther.setData(Widgets.TEST_ID, "form.addOtherSmtp");
        addOther.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
        addOther.addListener(SWT.Selection, e -> {
            addOtherServer().host().setFocus();
            relayout();
        });

        fieldControls.put(AccountField.EMAIL, email);
        fieldControls.put(AccountField.CLIENT, version);
        fieldControls.put(AccountField.NETWORK, network);
        fieldControls.put(AccountField.ERROR_TEXT, error);
        client.addListener(SWT.Selection, e -> {
            applyFamily();
            relayout();
        });
        applyFamily();
    }

    /** @return the customer field, which takes the focus in a new session */
    Control first() {
        return customer;
    }

    /** @return who the session is for, or empty (with the fields decorated) when neither is given */
    Optional<SessionOpening> opening(String agent) {
        boolean missing = customer.getText().isBlank() && ticket.getText().isBlank();
        ServerPanel.Decorations.show(customer, missing ? Messages.FormCustomerOrTicket : null);
        ServerPanel.Decorations.show(ticket, missing ? Messages.FormCustomerOrTicket : null);
        return missing ? Optional.empty() : Optional.of(new SessionOpening(agent, customer.getText(), ticket.getText()));
    }

    String customer() {
        return customer.getText().trim();
    }

    String ticket() {
        return ticket.getText().trim();
    }

    /** From now on, empty required fields are marked too. */
    void attempted() {
        attempted = true;
    }

    /** @return the fields as typed */
    AccountFields fields() {
        String kind = client.getText();
        String v = version.getText().trim();
        AccountFields f = AccountFields.create().email(email.getText())
                .client(v.isEmpty() || "unknown".equals(kind) ? kind : kind + "-" + v).network(network.getText())
                .errorText(error.getText());
        if (incoming.given()) {
            f.incoming(incoming.fields(false));
        }
        if (outgoing.given()) {
            f.outgoing(outgoing.fields(family == ClientFamily.IOS));
        }
        if (family == ClientFamily.IOS) {
            otherPanels.stream().filter(ServerPanel::given).forEach(p -> f.otherOutgoing(p.fields(true)));
        }
        return f;
    }

    /**
     * Checks the fields and decorates each one that has a problem.
     *
     * @param service the session service
     * @return the check
     */
    AccountCheck check(SupportSessions service) {
        AccountCheck check = service.check(fields());
        fieldControls.values().forEach(c -> ServerPanel.Decorations.show(c, null));
        otherPanels.forEach(ServerPanel::clearDecorations);
        for (FieldProblem p : check.problems()) {
            control(p).filter(c -> attempted || !(c instanceof Text t && t.getText().isBlank()))
                    .ifPresent(c -> ServerPanel.Decorations.show(c, describe(p)));
        }
        return check;
    }

    private Optional<Control> control(FieldProblem p) {
        if (p.field().otherSmtp()) {
            List<ServerPanel> given = otherPanels.stream().filter(ServerPanel::given).toList();
            if (p.index() < given.size()) {
                Map<AccountField, Control> m = new EnumMap<>(AccountField.class);
                given.get(p.index()).register(m, "OTHER_SMTP_");
                return Optional.ofNullable(m.get(p.field()));
            }
            return Optional.empty();
        }
        return Optional.ofNullable(fieldControls.get(p.field()));
    }

    /** @return the problem as the form says it: the field's label, then what is wrong */
    static String describe(FieldProblem p) {
        String field = switch (p.field()) {
        case EMAIL -> Messages.FormEmail;
        case CLIENT -> Messages.FormVersion;
        case NETWORK -> Messages.FormNetwork;
        case SMTP_HOST, INCOMING_HOST, OTHER_SMTP_HOST -> Messages.FormHost;
        case SMTP_PORT, INCOMING_PORT, OTHER_SMTP_PORT -> Messages.FormPort;
        case SMTP_SECURITY, INCOMING_SECURITY, OTHER_SMTP_SECURITY -> Messages.FormSecurity;
        case SMTP_AUTH, INCOMING_AUTH, OTHER_SMTP_AUTH -> Messages.FormAuth;
        case SMTP_USER, INCOMING_USER, OTHER_SMTP_USER -> Messages.FormUser;
        default -> p.field().option();
        };
        return NLS.bind(Messages.FormProblem, field.replace("&", ""), p.message());
    }

    /** Shows the recognised provider, or that none is recognised yet. */
    void showProvider(Optional<ProviderDescriptor> recognised) {
        String text = recognised.map(p -> NLS.bind(Messages.ProviderRecognised, p.name(), p.id()))
                .orElse(email.getText().contains("@") ? Messages.ProviderUnknown : Messages.ProviderNone);
        if (!text.equals(provider.getText())) {
            provider.setText(ProcedureSection.mnemonicFree(text));
            provider.getParent().layout(true);
        }
    }

    String email() {
        return email.getText().trim();
    }

    /** Fills the fields from a logged session. */
    void set(String customerText, String ticketText, AccountProfile account) {
        customer.setText(customerText);
        ticket.setText(ticketText);
        email.setText(account.email());
        ClientInfo c = account.client();
        ServerPanel.select(client, CLIENTS.contains(c.kind()) ? c.kind() : "unknown");
        version.setText(c.version());
        ServerPanel.select(network, account.network().kind().id());
        error.setText(account.errorText());
        account.incoming().ifPresent(incoming::set);
        account.primaryOutgoing().ifPresent(outgoing::set);
        for (ServerSettings s : account.otherOutgoing()) {
            addOtherServer().set(s);
        }
        applyFamily();
        relayout();
    }

    private ServerPanel addOtherServer() {
        int n = otherPanels.size() + 1;
        Label title = toolkit.createLabel(others, NLS.bind(Messages.FormOtherSmtp, n));
        title.setLayoutData(fill());
        ServerPanel p = new ServerPanel(others, toolkit, "form.other" + n, false, this::edited);
        p.control().setLayoutData(fill());
        p.setFamily(family);
        otherPanels.add(p);
        return p;
    }

    private void applyFamily() {
        family = ClientFamily.of(client.getText());
        incomingSection.setText(family.incomingTitle());
        outgoingSection.setText(family.outgoingTitle());
        incoming.setFamily(family);
        outgoing.setFamily(family);
        otherPanels.forEach(p -> p.setFamily(family));
        boolean ios = family == ClientFamily.IOS;
        ((GridData) others.getLayoutData()).exclude = !ios;
        others.setVisible(ios);
        ((GridData) addOther.getLayoutData()).exclude = !ios;
        addOther.setVisible(ios);
        edited();
    }

    private void relayout() {
        Composite c = incomingSection.getParent();
        while (c.getParent() != null && !(c instanceof org.eclipse.ui.forms.widgets.ScrolledForm)) {
            c = c.getParent();
        }
        if (c instanceof org.eclipse.ui.forms.widgets.ScrolledForm form) {
            form.reflow(true);
        } else {
            c.layout(true, true);
        }
    }

    private void edited() {
        changed.run();
    }

    private static GridData fill() {
        return new GridData(SWT.FILL, SWT.CENTER, true, false);
    }

    private static Composite section(Composite parent, FormToolkit toolkit, String title, String description) {
        Section s = toolkit.createSection(parent, Section.TITLE_BAR | (description == null ? 0 : Section.DESCRIPTION));
        s.setText(title);
        if (description != null) {
            s.setDescription(description);
        }
        s.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Composite body = toolkit.createComposite(s);
        GridLayout layout = new GridLayout(2, false);
        layout.horizontalSpacing = 12;
        body.setLayout(layout);
        s.setClient(body);
        return body;
    }

    private Text text(Composite parent, String label, String id) {
        toolkit.createLabel(parent, label);
        Text t = toolkit.createText(parent, "", SWT.SINGLE | SWT.BORDER);
        GridData data = fill();
        data.widthHint = 130;
        data.horizontalIndent = 4;
        t.setLayoutData(data);
        t.setData(Widgets.TEST_ID, id);
        t.addModifyListener(e -> edited());
        ServerPanel.Decorations.attach(t);
        return t;
    }

    private Combo combo(Composite parent, String label, String id, List<String> items) {
        toolkit.createLabel(parent, label);
        Combo c = new Combo(parent, SWT.DROP_DOWN | SWT.READ_ONLY);
        toolkit.adapt(c);
        c.setItems(items.toArray(String[]::new));
        c.select(0);
        GridData data = fill();
        data.widthHint = 140;
        data.horizontalIndent = 4;
        c.setLayoutData(data);
        c.setData(Widgets.TEST_ID, id);
        c.addListener(SWT.Selection, e -> edited());
        ServerPanel.Decorations.attach(c);
        return c;
    }
}
