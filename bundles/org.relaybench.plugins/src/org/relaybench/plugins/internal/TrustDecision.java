package org.relaybench.plugins.internal;

import java.io.File;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.repository.artifact.spi.IArtifactUIServices;

/**
 * Answers p2's trust question without asking anyone, as the director's {@code -trustedPGPKeys} and
 * {@code -trustSignedContentOnly} do. p2's engine checks every artifact it is about to install in its
 * CheckTrust phase: it accepts what a trusted key or certificate signed (the installation's trusted
 * signers, {@link TrustedSigners}), and asks the agent's {@link UIServices} about the rest: the
 * unsigned artifacts, and those signed only by keys or certificates it does not trust. This answer
 * trusts the keys named by fingerprint on the command line and, when allowed, unsigned content;
 * nothing else. What it refused is kept for the message.
 * <p>
 * A PGP signature that does not match its artifact never reaches this question: p2 verifies it while
 * it downloads the artifact and fails the download, whatever is trusted.
 */
final class TrustDecision extends UIServices implements IArtifactUIServices {

    /** One refused artifact and why. */
    record Refusal(String artifact, String reason) {
    }

    private final boolean allowUnsigned;
    private final List<String> trustedFingerprints;
    private final List<PGPPublicKey> newlyTrusted = new ArrayList<>();
    private final Map<String, String> refused = new TreeMap<>();

    /**
     * @param allowUnsigned whether unsigned artifacts are accepted (for development)
     * @param trustedFingerprints PGP key fingerprints (or long key IDs) trusted for this install and kept
     */
    TrustDecision(boolean allowUnsigned, List<String> trustedFingerprints) {
        this.allowUnsigned = allowUnsigned;
        this.trustedFingerprints = List.copyOf(trustedFingerprints);
    }

    @Override
    public TrustInfo getTrustInfo(Map<List<Certificate>, Set<IArtifactKey>> untrustedCertificates,
            Map<PGPPublicKey, Set<IArtifactKey>> untrustedKeys, Set<IArtifactKey> unsigned,
            Map<IArtifactKey, File> files) {
        List<PGPPublicKey> trusted = new ArrayList<>();
        for (PGPPublicKey key : untrustedKeys.keySet()) {
            Signer signer = Signer.of(key);
            if (trustedFingerprints.stream().anyMatch(signer::matches)) {
                trusted.add(key);
            }
        }
        newlyTrusted.addAll(trusted);
        for (Map.Entry<PGPPublicKey, Set<IArtifactKey>> e : untrustedKeys.entrySet()) {
            if (!trusted.contains(e.getKey()) && !signedByTrusted(e.getValue(), untrustedKeys, trusted)) {
                for (IArtifactKey artifact : e.getValue()) {
                    refuse(artifact, "signed by " + Signer.of(e.getKey()).describe() + ", which this Relaybench does not trust");
                }
            }
        }
        for (Map.Entry<List<Certificate>, Set<IArtifactKey>> e : untrustedCertificates.entrySet()) {
            for (IArtifactKey artifact : e.getValue()) {
                if (!signedByTrusted(Set.of(artifact), untrustedKeys, trusted)) {
                    refuse(artifact, "signed with " + Signer.of(e.getKey().get(0)).describe()
                            + ", which this Relaybench does not trust");
                }
            }
        }
        if (!allowUnsigned) {
            unsigned.forEach(artifact -> refuse(artifact, "not signed"));
        }
        // the keys trusted by fingerprint are kept by the caller (TrustedSigners), not by p2's prompt
        return new TrustInfo(List.of(), trusted, false, allowUnsigned);
    }

    private static boolean signedByTrusted(Set<IArtifactKey> artifacts, Map<PGPPublicKey, Set<IArtifactKey>> keys,
            List<PGPPublicKey> trusted) {
        return artifacts.stream().allMatch(a -> trusted.stream().anyMatch(k -> keys.get(k).contains(a)));
    }

    private void refuse(IArtifactKey artifact, String reason) {
        refused.merge(artifact.getId() + " " + artifact.getVersion(), reason, (a, b) -> a.equals(b) ? a : a + "; " + b);
    }

    /** @return the artifacts refused, by id and version, each with why */
    List<Refusal> refusals() {
        return refused.entrySet().stream().map(e -> new Refusal(e.getKey(), e.getValue())).toList();
    }

    /** @return the keys trusted by fingerprint that signed something in this install */
    List<PGPPublicKey> newlyTrusted() {
        return List.copyOf(newlyTrusted);
    }

    @Override
    public TrustInfo getTrustInfo(Certificate[][] untrustedChains, String[] unsignedDetail) {
        return getTrustInfo(untrustedChains, List.of(), unsignedDetail);
    }

    @Override
    public TrustInfo getTrustInfo(Certificate[][] untrustedChains, Collection<PGPPublicKey> untrustedKeys,
            String[] unsignedDetail) {
        // the old question, without artifacts: p2 4.38 asks the one above; trust only what was named
        List<PGPPublicKey> trusted = untrustedKeys.stream()
                .filter(k -> trustedFingerprints.stream().anyMatch(Signer.of(k)::matches)).toList();
        return new TrustInfo(List.of(), trusted, false, allowUnsigned);
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location) {
        return null; // nobody to ask: repositories that need a password are not supported here
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location, AuthenticationInfo previousInfo) {
        return null;
    }
}
