package org.relaybench.plugins.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.operations.InstallOperation;
import org.eclipse.equinox.p2.operations.ProfileChangeOperation;
import org.eclipse.equinox.p2.operations.ProvisioningJob;
import org.eclipse.equinox.p2.operations.ProvisioningSession;
import org.eclipse.equinox.p2.operations.UninstallOperation;
import org.eclipse.equinox.p2.query.IQueryResult;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.relaybench.plugins.internal.PluginException.Kind;

/**
 * Installs and uninstalls with p2's operations API into one profile, as the p2 UI's Install New
 * Software does: load the repository, find the units, resolve a plan with the planner, run it with the
 * engine. Failures become {@link PluginException}s whose message says what to do.
 */
final class P2Operations {

    static final String FEATURE_GROUP = ".feature.group";

    private final IProvisioningAgent agent;
    private final IProfile profile;

    P2Operations(IProvisioningAgent agent, IProfile profile) {
        this.agent = agent;
        this.profile = profile;
    }

    /** @return the repository's metadata, loaded (and remembered by p2's repository manager) */
    IMetadataRepository load(URI repository, IProgressMonitor monitor) throws PluginException {
        IMetadataRepositoryManager metadata = agent.getService(IMetadataRepositoryManager.class);
        IArtifactRepositoryManager artifacts = agent.getService(IArtifactRepositoryManager.class);
        if (metadata == null || artifacts == null) {
            throw new PluginException(Kind.FAILED, "p2's repository managers are not available in this installation");
        }
        try {
            IMetadataRepository loaded = metadata.loadRepository(repository, monitor);
            artifacts.loadRepository(repository, monitor);
            return loaded;
        } catch (ProvisionException e) {
            String hint = "http".equals(repository.getScheme())
                    ? " (p2 fetches http: repositories over https; for a plain-http server start Relaybench with"
                            + " RELAYBENCH_VMARGS=-Dp2.httpRule=allow)"
                    : "";
            throw new PluginException(Kind.REPOSITORY, "cannot load the p2 repository " + repository + ": "
                    + flatten(e.getStatus()) + hint);
        } catch (OperationCanceledException e) {
            throw new PluginException(Kind.FAILED, "cancelled while loading " + repository);
        }
    }

    /** @return the features (groups, not categories) the repository offers, by id */
    static List<IInstallableUnit> groups(IMetadataRepository repository, IProgressMonitor monitor) {
        IQueryResult<IInstallableUnit> found = repository.query(
                QueryUtil.createLatestQuery(QueryUtil.createIUGroupQuery()), monitor);
        return found.toUnmodifiableSet().stream().filter(iu -> !QueryUtil.isCategory(iu))
                .sorted(Comparator.comparing(IInstallableUnit::getId)).toList();
    }

    /**
     * @param ids feature ids with or without {@code .feature.group}, or IU ids
     * @return the newest unit of each id
     */
    static List<IInstallableUnit> find(IMetadataRepository repository, List<String> ids, IProgressMonitor monitor)
            throws PluginException {
        Set<IInstallableUnit> units = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            IInstallableUnit unit = latest(repository, id, monitor);
            if (unit == null && !id.endsWith(FEATURE_GROUP)) {
                unit = latest(repository, id + FEATURE_GROUP, monitor);
            }
            if (unit == null) {
                missing.add(id);
            } else {
                units.add(unit);
            }
        }
        if (!missing.isEmpty()) {
            StringJoiner offered = new StringJoiner(", ");
            groups(repository, monitor).forEach(iu -> offered.add(iu.getId()));
            throw new PluginException(Kind.NOT_FOUND, "the repository " + repository.getLocation() + " has no "
                    + String.join(", ", missing) + "; it offers: " + (offered.length() == 0 ? "no features" : offered));
        }
        return List.copyOf(units);
    }

    private static IInstallableUnit latest(IMetadataRepository repository, String id, IProgressMonitor monitor) {
        IQueryResult<IInstallableUnit> found = repository
                .query(QueryUtil.createLatestQuery(QueryUtil.createIUQuery(id)), monitor);
        return found.isEmpty() ? null : found.iterator().next();
    }

    /**
     * Installs the units from the one repository; everything else they need must be installed already.
     * p2's engine asks {@code trust} about every artifact no trusted signer signed; while it runs, that
     * decision is the agent's {@link UIServices} (the one it replaces, if any, is put back after).
     */
    void install(URI repository, Collection<IInstallableUnit> units, TrustDecision trust, IProgressMonitor monitor)
            throws PluginException {
        InstallOperation operation = new InstallOperation(new ProvisioningSession(agent), units);
        ProvisioningContext context = new ProvisioningContext(agent);
        context.setMetadataRepositories(repository);
        context.setArtifactRepositories(repository);
        operation.setProvisioningContext(context);
        Object previous = agent.getService(UIServices.SERVICE_NAME);
        agent.registerService(UIServices.SERVICE_NAME, trust);
        try {
            run(operation, "install " + names(units), monitor);
        } catch (PluginException e) {
            if (!trust.refusals().isEmpty()) {
                throw new PluginException(Kind.UNTRUSTED, refusal(trust.refusals()));
            }
            String tampered = tampered(e.getMessage());
            if (tampered != null) {
                throw new PluginException(Kind.UNTRUSTED, tampered);
            }
            throw e;
        } finally {
            agent.unregisterService(UIServices.SERVICE_NAME, trust);
            if (previous != null) {
                agent.registerService(UIServices.SERVICE_NAME, previous);
            }
        }
    }

    private static String refusal(List<TrustDecision.Refusal> refusals) {
        StringBuilder text = new StringBuilder("refused, nothing was installed: ").append(refusals.size())
                .append(refusals.size() == 1 ? " artifact is" : " artifacts are").append(" not signed by a signer this Relaybench trusts");
        refusals.forEach(r -> text.append(System.lineSeparator()).append("  ").append(r.artifact()).append(": ")
                .append(r.reason()));
        text.append(System.lineSeparator()).append("Trust the signer and install again: --trust-key FILE|FINGERPRINT for")
                .append(" a PGP key, --trust-cert FILE for a certificate (kept: 'relaybench plugins trust list' shows")
                .append(" them); or, to develop a plugin, --allow-unsigned.");
        return text.toString();
    }

    /** @return a refusal message when p2's failure is an artifact that does not match its PGP signature */
    private static String tampered(String failure) {
        if (failure == null || !failure.toLowerCase(Locale.ROOT).contains("signature")) {
            return null;
        }
        return "refused, nothing was installed: an artifact does not match its signature (changed after it was"
                + " signed), whatever this Relaybench trusts; p2 said: " + failure;
    }

    /** Uninstalls root units of the profile. */
    void uninstall(Collection<IInstallableUnit> roots, IProgressMonitor monitor) throws PluginException {
        UninstallOperation operation = new UninstallOperation(new ProvisioningSession(agent), roots);
        operation.setProvisioningContext(new ProvisioningContext(agent));
        run(operation, "remove " + names(roots), monitor);
    }

    private void run(ProfileChangeOperation operation, String what, IProgressMonitor monitor) throws PluginException {
        operation.setProfileId(profile.getProfileId());
        IStatus resolved = operation.resolveModal(monitor);
        if (resolved.getSeverity() == IStatus.CANCEL) {
            throw new PluginException(Kind.FAILED, "cancelled: " + what);
        }
        if (resolved.getSeverity() == IStatus.ERROR || operation.getProvisioningPlan() == null) {
            String details = operation.getResolutionDetails();
            throw new PluginException(Kind.CONFLICT, "cannot " + what + " into this Relaybench: " + flatten(resolved)
                    + (details == null || details.isBlank() ? "" : " (" + oneLine(details) + ")"));
        }
        ProvisioningJob job = operation.getProvisioningJob(monitor);
        if (job == null) {
            throw new PluginException(Kind.FAILED, "p2 has no work to " + what + ": " + flatten(resolved));
        }
        IStatus done = job.runModal(monitor);
        if (done.getSeverity() == IStatus.CANCEL) {
            throw new PluginException(Kind.FAILED, "cancelled: " + what);
        }
        if (done.getSeverity() == IStatus.ERROR) {
            throw new PluginException(Kind.FAILED, "p2 could not " + what + ": " + flatten(done));
        }
    }

    static String names(Collection<IInstallableUnit> units) {
        StringJoiner text = new StringJoiner(", ");
        units.forEach(iu -> text.add(iu.getId() + " " + iu.getVersion()));
        return text.toString();
    }

    /** @return the status and its children's messages on one line, most specific last */
    static String flatten(IStatus status) {
        StringJoiner text = new StringJoiner("; ");
        flatten(status, text);
        return text.toString();
    }

    private static void flatten(IStatus status, StringJoiner text) {
        if (status.getMessage() != null && !status.getMessage().isBlank()) {
            text.add(oneLine(status.getMessage()));
        }
        for (IStatus child : status.getChildren()) {
            flatten(child, text);
        }
        if (status.getException() != null && status.getException().getMessage() != null && status.getChildren().length == 0) {
            text.add(oneLine(status.getException().getMessage()));
        }
    }

    private static String oneLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
