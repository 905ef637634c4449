package org.relaybench.core.providers;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

import org.relaybench.core.ClientInfo;

/**
 * Selects clients by family and an inclusive range of major versions, as in
 * {@code client="ios" minVersion="11" maxVersion="12"}.
 *
 * @param client the family ({@code ios} also covers iPadOS), or {@code *} for any
 * @param minVersion lowest major version, inclusive, or {@link Integer#MIN_VALUE}
 * @param maxVersion highest major version, inclusive, or {@link Integer#MAX_VALUE}
 * @since 0.1
 */
public record ClientSelector(String client, int minVersion, int maxVersion) {

    /** Selects every client. */
    public static final ClientSelector ANY = new ClientSelector("*", Integer.MIN_VALUE, Integer.MAX_VALUE);

    public ClientSelector {
        client = Objects.requireNonNull(client, "client").trim().toLowerCase(Locale.ROOT);
        if (minVersion > maxVersion) {
            throw new IllegalArgumentException("minVersion " + minVersion + " > maxVersion " + maxVersion);
        }
    }

    /**
     * @param info a client
     * @return whether it is selected; a client of unknown version is selected only when the range is
     *         open on both ends
     */
    public boolean selects(ClientInfo info) {
        if (!client.equals("*")) {
            boolean family = client.equals("ios") ? info.isIos() : client.equals(info.kind());
            if (!family) {
                return false;
            }
        }
        if (minVersion == Integer.MIN_VALUE && maxVersion == Integer.MAX_VALUE) {
            return true;
        }
        OptionalInt major = info.majorVersion();
        return major.isPresent() && major.getAsInt() >= minVersion && major.getAsInt() <= maxVersion;
    }

    /**
     * @return how specific the selector is: family and a bounded range beat family alone, which beats
     *         any client; used to pick the most specific wording
     */
    public int specificity() {
        int s = client.equals("*") ? 0 : 10;
        if (minVersion != Integer.MIN_VALUE) {
            s++;
        }
        if (maxVersion != Integer.MAX_VALUE) {
            s++;
        }
        return s;
    }
}
