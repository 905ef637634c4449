package org.relaybench.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.relaybench.core.AccountProfile;
import org.relaybench.core.CauseCode;
import org.relaybench.core.Evidence;
import org.relaybench.core.Finding;
import org.relaybench.core.Severity;
import org.relaybench.core.session.DiagnosisRecord;
import org.relaybench.core.session.SessionStatus;
import org.relaybench.store.NewSession;

/**
 * A seeded year of help-desk sessions for the store benchmark: the accounts of {@link AccountCorpus},
 * about 20,000 customers, 40 agents, one unique ticket per session, the provider that matches the
 * address, one to three findings with the common causes most frequent, two thirds resolved, a fifth
 * with a note. Session i is the same for the same seed and count.
 */
final class SessionCorpus {

    static final Instant START = Instant.parse("2025-06-01T00:00:00Z");
    static final Duration SPAN = Duration.ofDays(365);

    static final String[] FIRST = { "Ann", "Bob", "Carla", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jamal",
            "Kim", "Liam", "Maria", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor", "Wen",
            "Xavier", "Yara", "Zoe", "Aaron", "Beatriz", "Chen", "Dana", "Emil", "Fatima", "Gus", "Hana", "Ivan", "Jo",
            "Kofi", "Lena", "Marco", "Nadia" };
    private static final String[] SYLLABLES = { "ber", "son", "mann", "ley", "ford", "ski", "ton", "ing", "wood", "stein",
            "ov", "ez", "well", "by", "ham", "field", "ro", "la", "ka", "mi", "der", "en", "gard", "holm", "ric" };
    private static final String[] NOTE_WORDS = { "nephew", "router", "hotel", "travelling", "vpn", "upgrade", "profile",
            "reinstalled", "firewall", "antivirus", "roaming", "printer", "laptop", "tablet", "office", "warehouse",
            "shop", "school", "clinic", "bakery", "garage", "library", "callback", "escalated", "voicemail" };

    private final long seed;
    private final int count;

    SessionCorpus(long seed, int count) {
        this.seed = seed;
        this.count = count;
    }

    /** One session to insert, with what follows its opening. */
    record Entry(NewSession opening, DiagnosisRecord diagnosis, Optional<SessionStatus> status, Optional<String> note) {
    }

    static String lastName(int n) {
        return capital(SYLLABLES[n % SYLLABLES.length] + SYLLABLES[(n / SYLLABLES.length) % SYLLABLES.length]
                + (n >= SYLLABLES.length * SYLLABLES.length ? SYLLABLES[n % 7] : ""));
    }

    static String customer(int n) {
        return FIRST[n % FIRST.length] + " " + lastName(n / FIRST.length);
    }

    static String ticket(int i) {
        return "HD-" + (200_000 + i);
    }

    Instant opened(int i) {
        return START.plusMillis(SPAN.toMillis() * i / count + i % 997);
    }

    List<Entry> batch(int from, int to, List<AccountProfile> accounts) {
        List<Entry> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add(entry(i, accounts.get(i - from)));
        }
        return out;
    }

    private Entry entry(int i, AccountProfile account) {
        Random r = new Random(seed * 31 + i);
        String customer = customer(r.nextInt(20_000));
        NewSession opening = new NewSession("agent" + r.nextInt(40), customer, ticket(i), account, opened(i));
        String provider = provider(account.domain());
        List<Finding> findings = new ArrayList<>();
        CauseCode[] codes = CauseCode.values();
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            CauseCode code = codes[Math.min(codes.length - 1, (int) Math.abs(r.nextGaussian() * 5))];
            if (findings.stream().noneMatch(f -> f.code().equals(code.code()))) {
                findings.add(new Finding(code.code(), k == 0 ? Severity.ERROR : Severity.WARNING, 0.9 / (k + 1),
                        code.summary(), List.of(new Evidence(Evidence.Kind.SETTING, "smtp.host",
                                account.primaryOutgoing().map(s -> s.host()).orElse(""))),
                        provider, provider + ".rule", Optional.of(provider + "-smtp-settings")));
            }
        }
        DiagnosisRecord diagnosis = new DiagnosisRecord(opening.at().plusSeconds(20), Optional.of(provider),
                Optional.of(provider.toUpperCase() + " Mail"), findings, List.of());
        int s = r.nextInt(100);
        Optional<SessionStatus> status = s < 65 ? Optional.of(SessionStatus.RESOLVED)
                : s < 75 ? Optional.of(SessionStatus.UNRESOLVED) : Optional.empty();
        Optional<String> note = r.nextInt(5) == 0 ? Optional.of("Customer mentioned the "
                + NOTE_WORDS[r.nextInt(NOTE_WORDS.length)] + " and the " + NOTE_WORDS[r.nextInt(NOTE_WORDS.length)])
                : Optional.empty();
        return new Entry(opening, diagnosis, status, note);
    }

    static String provider(String domain) {
        switch (domain) {
        case "aol.com", "verizon.net":
            return "aol";
        case "att.net", "sbcglobal.net":
            return "att";
        case "gmail.com":
            return "gmail";
        case "yahoo.com":
            return "yahoo";
        case "icloud.com":
            return "icloud";
        case "outlook.com":
            return "exchange";
        default:
            return "imap";
        }
    }

    static String noteWord(Random r) {
        return NOTE_WORDS[r.nextInt(NOTE_WORDS.length)];
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
