package org.relaybench.core.internal.registry;

import static org.relaybench.core.internal.registry.Elements.bool;
import static org.relaybench.core.internal.registry.Elements.fraction;
import static org.relaybench.core.internal.registry.Elements.integer;
import static org.relaybench.core.internal.registry.Elements.label;
import static org.relaybench.core.internal.registry.Elements.optional;
import static org.relaybench.core.internal.registry.Elements.required;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.eclipse.core.runtime.IConfigurationElement;
import org.relaybench.core.AuthMethod;
import org.relaybench.core.CauseCode;
import org.relaybench.core.MailProtocol;
import org.relaybench.core.Security;
import org.relaybench.core.Severity;
import org.relaybench.core.providers.ClientSelector;
import org.relaybench.core.providers.Exemption;
import org.relaybench.core.providers.KnownReply;
import org.relaybench.core.providers.LoadProblem;
import org.relaybench.core.providers.Procedure;
import org.relaybench.core.providers.ProviderDescriptor;
import org.relaybench.core.providers.ProviderOrigin;
import org.relaybench.core.providers.ServerRecommendation;
import org.relaybench.core.providers.Step;
import org.relaybench.core.rules.Condition;
import org.relaybench.core.rules.ConditionField;
import org.relaybench.core.rules.ConditionOperator;
import org.relaybench.core.rules.RuleDescriptor;

/**
 * Reads one {@code provider} element. A fault in the provider's own attributes skips the provider
 * (thrown); a fault in a child element skips that child and is recorded as a problem.
 */
final class ProviderElementReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern DOMAIN = Pattern.compile("(\\*|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+)");

    record Read(ProviderDescriptor provider, Map<String, IConfigurationElement> codeRules) {
    }

    private final String contributor;
    private final List<LoadProblem> problems;
    private String path;

    ProviderElementReader(String contributor, List<LoadProblem> problems) {
        this.contributor = contributor;
        this.problems = problems;
    }

    Read read(IConfigurationElement element, ProviderOrigin origin) throws ContributionException {
        path = label(element);
        String id = required(element, "id");
        if (!ID.matcher(id).matches()) {
            throw new ContributionException("provider id '" + id + "' must be lower case letters, digits, '.', '_' or '-'");
        }
        String name = required(element, "name");
        int priority = integer(element, "priority", -1000, 1000, 0);
        String description = optional(element, "description").orElse("");

        List<String> domains = new ArrayList<>();
        List<String> mx = new ArrayList<>();
        List<ServerRecommendation> servers = new ArrayList<>();
        List<Exemption> exemptions = new ArrayList<>();
        List<IConfigurationElement> ruleElements = new ArrayList<>();
        Map<String, Procedure> procedures = new LinkedHashMap<>();
        Set<String> skippedProcedures = new HashSet<>();
        List<KnownReply> replies = new ArrayList<>();
        boolean generic = false;

        for (IConfigurationElement child : element.getChildren()) {
            try {
                switch (child.getName()) {
                case "domain" -> {
                    String domain = required(child, "name").toLowerCase(Locale.ROOT);
                    if (!DOMAIN.matcher(domain).matches()) {
                        throw new ContributionException("'" + domain + "' is not a domain name (or '*')");
                    }
                    if (domain.equals("*")) {
                        generic = true;
                    } else {
                        domains.add(domain);
                    }
                }
                case "mx" -> {
                    String suffix = required(child, "suffix").toLowerCase(Locale.ROOT).replaceFirst("^\\.", "")
                            .replaceFirst("\\.$", "");
                    if (!DOMAIN.matcher(suffix).matches() || suffix.equals("*")) {
                        throw new ContributionException("MX suffix '" + suffix + "' is not a host name suffix");
                    }
                    mx.add(suffix);
                }
                case "outgoingServer" -> servers.add(server(child, MailProtocol.SMTP));
                case "incomingServer" -> servers.add(server(child, incomingProtocol(child)));
                case "exception" -> exemptions.add(exemption(child));
                case "rule" -> ruleElements.add(child);
                case "procedure" -> {
                    Procedure p = procedure(child, id);
                    if (procedures.putIfAbsent(p.id(), p) != null) {
                        throw new ContributionException("procedure id '" + p.id() + "' is declared twice");
                    }
                }
                case "reply" -> replies.add(reply(child, id));
                default -> throw new ContributionException("unknown element '" + child.getName() + "'");
                }
            } catch (ContributionException | IllegalArgumentException e) {
                problem(child, e.getMessage());
                if ("procedure".equals(child.getName()) && child.getAttribute("id") != null) {
                    skippedProcedures.add(child.getAttribute("id"));
                }
            }
        }
        if (!generic && domains.isEmpty() && mx.isEmpty()) {
            throw new ContributionException("provider matches nothing: declare at least one 'domain' or 'mx'");
        }
        List<RuleDescriptor> rules = new ArrayList<>();
        Map<String, IConfigurationElement> codeRules = new LinkedHashMap<>();
        Set<String> ruleIds = new HashSet<>();
        for (IConfigurationElement child : ruleElements) {
            try {
                RuleDescriptor rule = rule(child, id, procedures.keySet(), skippedProcedures);
                if (!ruleIds.add(rule.id())) {
                    throw new ContributionException("rule id '" + rule.id() + "' is declared twice");
                }
                rules.add(rule);
                if (rule.isCode()) {
                    codeRules.put(rule.id(), child);
                }
            } catch (ContributionException | IllegalArgumentException e) {
                problem(child, e.getMessage());
            }
        }
        ProviderDescriptor provider = new ProviderDescriptor(id, name, priority, description, generic, domains, mx,
                servers, exemptions, rules, List.copyOf(procedures.values()), replies, origin);
        return new Read(provider, codeRules);
    }

    private void problem(IConfigurationElement child, String reason) {
        String where = path + "/" + label(child);
        problems.add(new LoadProblem(contributor, where, reason, label(child)));
    }

    private static MailProtocol incomingProtocol(IConfigurationElement e) throws ContributionException {
        String text = required(e, "protocol");
        MailProtocol p = MailProtocol.parse(text)
                .orElseThrow(() -> new ContributionException("protocol '" + text + "' is not imap or pop3"));
        if (!p.incoming()) {
            throw new ContributionException("incomingServer cannot use protocol smtp (use outgoingServer)");
        }
        return p;
    }

    private static ServerRecommendation server(IConfigurationElement e, MailProtocol protocol)
            throws ContributionException {
        String host = required(e, "host");
        int port = integer(e, "port", 1, 65535, -1);
        if (port < 0) {
            throw new ContributionException("missing required attribute 'port'");
        }
        String sec = required(e, "security");
        Security security = Security.parse(sec)
                .orElseThrow(() -> new ContributionException("security '" + sec + "' is not none, starttls or tls"));
        String authText = optional(e, "auth").orElse("password");
        AuthMethod auth = AuthMethod.parse(authText).orElseThrow(() -> new ContributionException(
                "auth '" + authText + "' is not none, password, oauth2 or app-password"));
        return new ServerRecommendation(protocol, host, port, security, auth,
                ServerRecommendation.UsernameForm.parse(optional(e, "username").orElse("email")),
                bool(e, "preferred", false));
    }

    private static Exemption exemption(IConfigurationElement e) throws ContributionException {
        String kind = required(e, "kind");
        Exemption.Kind k = Exemption.Kind.parse(kind).orElseThrow(() -> new ContributionException(
                "exception kind '" + kind + "' is not one of " + Arrays.stream(Exemption.Kind.values())
                        .map(Exemption.Kind::id).toList()));
        return new Exemption(k, optional(e, "client"), optional(e, "description").orElse(""));
    }

    private static String cause(IConfigurationElement e, String providerId) throws ContributionException {
        String cause = required(e, "cause");
        if (!CauseCode.isValidFor(cause, providerId)) {
            throw new ContributionException("cause '" + cause + "' is neither a Relaybench cause code nor prefixed '"
                    + providerId + ".'");
        }
        return cause;
    }

    private static KnownReply reply(IConfigurationElement e, String providerId) throws ContributionException {
        String pattern = required(e, "pattern");
        try {
            return new KnownReply(Pattern.compile(pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                    cause(e, providerId), fraction(e, "confidence", 0.9), optional(e, "description").orElse(""));
        } catch (PatternSyntaxException ex) {
            throw new ContributionException("pattern is not a regular expression: " + ex.getDescription());
        }
    }

    private static RuleDescriptor rule(IConfigurationElement e, String providerId, Set<String> procedureIds,
            Set<String> skippedProcedures) throws ContributionException {
        String id = required(e, "id");
        Optional<String> implementation = optional(e, "class");
        // a code rule chooses the cause of each finding itself; 'cause' is then only its default
        String cause = implementation.isPresent() && optional(e, "cause").isEmpty() ? CauseCode.RELAY_DENIED.code()
                : cause(e, providerId);
        String sev = optional(e, "severity").orElse("error");
        Severity severity = Severity.parse(sev)
                .orElseThrow(() -> new ContributionException("severity '" + sev + "' is not info, warning or error"));
        Optional<String> procedure = optional(e, "procedure");
        if (procedure.isPresent() && skippedProcedures.contains(procedure.get())) {
            throw new ContributionException("rule refers to procedure '" + procedure.get()
                    + "', which was skipped because of its own fault");
        }
        if (procedure.isPresent() && !procedureIds.contains(procedure.get())) {
            throw new ContributionException("rule refers to procedure '" + procedure.get()
                    + "', which this provider does not declare");
        }
        List<Condition> conditions = new ArrayList<>();
        for (IConfigurationElement when : e.getChildren()) {
            if (!"when".equals(when.getName())) {
                throw new ContributionException("unknown element '" + when.getName() + "' in rule (expected 'when')");
            }
            String fieldText = required(when, "field");
            ConditionField field = ConditionField.parse(fieldText).orElseThrow(() -> new ContributionException(
                    "field '" + fieldText + "' is not one of " + Arrays.stream(ConditionField.values())
                            .map(ConditionField::id).toList()));
            String opText = required(when, "op");
            ConditionOperator op = ConditionOperator.parse(opText).orElseThrow(() -> new ContributionException(
                    "op '" + opText + "' is not one of " + Arrays.stream(ConditionOperator.values())
                            .map(ConditionOperator::id).toList()));
            conditions.add(new Condition(field, op, optional(when, "value").orElse("")));
        }
        if (implementation.isEmpty() && conditions.isEmpty()) {
            throw new ContributionException("declarative rule has no 'when' condition and no 'class'");
        }
        String title = implementation.isPresent() ? optional(e, "title").orElse("")
                : required(e, "title");
        return new RuleDescriptor(id, cause, severity, fraction(e, "confidence", 0.8), title, procedure, conditions,
                implementation);
    }

    private static Procedure procedure(IConfigurationElement e, String providerId) throws ContributionException {
        String id = required(e, "id");
        String title = required(e, "title");
        List<String> addresses = new ArrayList<>();
        for (String code : optional(e, "addresses").orElse("").split(",")) {
            String c = code.trim();
            if (c.isEmpty()) {
                continue;
            }
            if (!CauseCode.isValidFor(c, providerId)) {
                throw new ContributionException("procedure " + id + " addresses unknown cause '" + c + "'");
            }
            addresses.add(c);
        }
        List<Step> steps = new ArrayList<>();
        Set<String> stepIds = new HashSet<>();
        for (IConfigurationElement s : e.getChildren()) {
            if (!"step".equals(s.getName())) {
                throw new ContributionException("unknown element '" + s.getName() + "' in procedure " + id);
            }
            String stepId = optional(s, "id").orElse(Integer.toString(steps.size() + 1));
            if (!stepIds.add(stepId)) {
                throw new ContributionException("step id '" + stepId + "' is declared twice in procedure " + id);
            }
            List<Step.Wording> wordings = new ArrayList<>();
            for (IConfigurationElement w : s.getChildren()) {
                if (!"wording".equals(w.getName())) {
                    throw new ContributionException("unknown element '" + w.getName() + "' in step " + stepId);
                }
                ClientSelector selector = new ClientSelector(required(w, "client"),
                        integer(w, "minVersion", 0, 1000, Integer.MIN_VALUE),
                        integer(w, "maxVersion", 0, 1000, Integer.MAX_VALUE));
                wordings.add(new Step.Wording(selector, required(w, "text"), optional(w, "expect").orElse("")));
            }
            steps.add(new Step(stepId, required(s, "text"), optional(s, "expect").orElse(""), wordings));
        }
        if (steps.isEmpty()) {
            throw new ContributionException("procedure " + id + " has no step");
        }
        return new Procedure(id, title, addresses, steps);
    }
}
