package dev.covenant.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes realistic, varied scenarios over the rule pack's vocabulary — cohorts in several regions and
 * tiers, policy versions (some backdated, some edited silently), settings with defaults and opt-outs,
 * promises and statements, practices with recipients and legal bases, models — so that every rule
 * fires in some and not in others. The same seed and index always give the same scenario.
 */
public final class ScenarioGenerator {

    private static final String[] REGIONS = {"US-CA", "US-NY", "US-TX", "US", "DE", "FR", "EU", "UK", "CH", "NO"};
    private static final String[] TIERS = {"free", "premium"};
    private static final String[] USES = {"train_ai_system", "third_party_sharing", "marketing.advertising", "essential.service"};
    private static final String[] CATEGORIES = {"user.content.private", "user.content.public", "user.childrens", "user.contact.email",
            "user.behavior"};
    private static final String[] BASES = {"consent", "parental-consent", "legitimate-interest", "contract", "setting"};
    private static final String[] METHODS = {"setting", "form", "form-with-justification", "email", "support-ticket", "none"};
    private static final String[] RELATIONSHIPS = {"self", "affiliate", "processor", "third-party"};
    private static final LocalDate EPOCH = LocalDate.of(2019, 1, 1);

    private final long seed;

    public ScenarioGenerator(long seed) {
        this.seed = seed;
    }

    /** Scenario number {@code index} as YAML. */
    public String scenario(long index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        Yaml y = new Yaml();
        LocalDate asOf = day(random, 1900, 3300);
        y.line("scenario: gen-" + seed + "-" + index);
        y.line("title: Generated scenario " + index + " (seed " + seed + ")");
        y.line("as_of: " + asOf);
        y.line("platform:");
        y.line("  name: Platform " + (index % 97));
        y.line("  services: [" + pick(random, "electronic-communication", "remote-computing", "electronic-communication") + "]");

        int cohorts = 1 + random.nextInt(4);
        y.line("members:");
        for (int i = 0; i < cohorts; i++) {
            LocalDate joined = day(random, 0, 1400);
            y.line("  - cohort: c" + i);
            y.line("    tier: " + pick(random, TIERS));
            String region = pick(random, REGIONS);
            y.line("    region: " + region);
            y.line("    count: " + (1000 + random.nextInt(5_000_000)));
            y.line("    joined: { from: " + joined + " }");
            if (region.equals("UK") && (index + i) % 3 == 0) {
                // Some UK cohorts of teenagers, for the rules on children; decided without drawing from
                // the random stream, so every other generated value stays as it was.
                y.line("    ages: { from: 13, to: 17 }");
            }
        }

        y.line("promises:");
        if (random.nextBoolean()) {
            y.line("  - id: premium-terms");
            y.line("    source: \"Subscription Agreement, confidentiality\"");
            y.line("    kind: contract");
            y.line("    tiers: [premium]");
            y.line("    forbids: { uses: [train_ai_system, third_party_sharing], categories: [user.content.private] }");
            y.line("    since: " + day(random, 0, 600));
            if (random.nextInt(4) == 0) {
                y.line("    until: " + day(random, 900, 1400));
            }
        }
        if (random.nextInt(3) == 0) {
            y.line("  - id: region-statement");
            y.line("    source: \"Public statement on AI training\"");
            y.line("    kind: public-statement");
            y.line("    excludes_regions: [" + pick(random, "EU", "UK", "CH", "US-CA") + "]");
            y.line("    uses: [train_ai_system]");
            y.line("    since: " + day(random, 900, 1600));
        }

        // Practices are drawn first, so that policies usually speak of what the practices do.
        int practices = 1 + random.nextInt(3);
        String[] practiceUses = new String[practices];
        String[][] practiceCategories = new String[practices][];
        for (int i = 0; i < practices; i++) {
            practiceUses[i] = pick(random, USES);
            practiceCategories[i] = random.nextBoolean() ? new String[] {pick(random, CATEGORIES)}
                    : new String[] {pick(random, CATEGORIES), pick(random, CATEGORIES)};
        }

        y.line("documents:");
        y.line("  - id: privacy-policy");
        y.line("    kind: privacy-policy");
        y.line("    versions:");
        int versions = 1 + random.nextInt(3);
        LocalDate published = day(random, 200, 900);
        for (int v = 0; v < versions; v++) {
            y.line("      - version: \"v" + (v + 1) + "\"");
            y.line("        published: " + published);
            if (random.nextInt(8) == 0) {
                y.line("        effective: " + published.minusDays(1 + random.nextInt(30)));
            }
            int about = random.nextInt(practices);
            boolean matching = random.nextInt(10) < 7;
            y.line("        discloses:");
            y.line("          - use: " + (matching ? practiceUses[about] : pick(random, USES)));
            y.line("            categories: [" + (matching ? practiceCategories[about][0] : pick(random, CATEGORIES)) + "]");
            if (random.nextBoolean()) {
                y.line("        notice: { channel: email, sent: " + published.plusDays(random.nextInt(5) - 2) + " }");
            }
            if (random.nextInt(6) == 0) {
                String hash = hash(random);
                y.line("        text_sha256: " + hash);
                y.line("        captures:");
                y.line("          - { captured: " + published.plusDays(10) + ", text_sha256: " + (random.nextBoolean() ? hash : hash(random)) + " }");
            }
            published = published.plusDays(60 + random.nextInt(300));
        }
        if (random.nextInt(3) == 0) {
            LocalDate first = day(random, 100, 500);
            LocalDate next = first.plusDays(200 + random.nextInt(400));
            y.line("  - id: user-agreement");
            y.line("    kind: user-agreement");
            y.line("    change_notice: { days: 30, clause: \"User Agreement, changes\" }");
            y.line("    versions:");
            y.line("      - { version: \"1\", published: " + first + " }");
            y.line("      - version: \"2\"");
            y.line("        published: " + next);
            y.line("        effective: " + next.plusDays(random.nextInt(60)));
            if (random.nextBoolean()) {
                y.line("        notice: { channel: email, sent: " + next + " }");
            }
        }

        y.line("settings:");
        int settings = random.nextInt(3);
        for (int i = 0; i < settings; i++) {
            y.line("  - id: s" + i);
            y.line("    introduced: " + day(random, 600, 1500));
            y.line("    default: " + (random.nextBoolean() ? "on" : "off"));
            y.line("    enables: [" + pick(random, "train_ai_system", "third_party_sharing", "marketing.advertising") + "]");
            if (random.nextBoolean()) {
                y.line("    regions: [" + pick(random, "US", "EU", "UK", "CH") + "]");
            }
            y.line("    opt_out: { method: " + pick(random, METHODS) + ", retroactive: " + random.nextBoolean() + " }");
        }

        y.line("practices:");
        List<String> practiceIds = new ArrayList<>();
        for (int i = 0; i < practices; i++) {
            String id = "p" + i;
            practiceIds.add(id);
            LocalDate started = day(random, 600, 1600);
            y.line("  - id: " + id);
            y.line("    use: " + practiceUses[i]);
            y.line("    categories: [" + String.join(", ", java.util.Arrays.stream(practiceCategories[i]).distinct().toList()) + "]");
            if (random.nextBoolean()) {
                y.line("    tiers: [" + pick(random, TIERS) + "]");
            }
            y.line("    regions: [" + pick(random, "US", "EU", "UK", "US-CA", "DE", "CH") + "]");
            if (random.nextBoolean()) {
                y.line("    recipients:");
                String relationship = pick(random, RELATIONSHIPS);
                // A processor says what it does; own-use keeps it divulged to, as every processor was before the SCA's exceptions.
                y.line("      - { name: \"Recipient " + i + "\", relationship: " + relationship
                        + (relationship.equals("processor") ? ", purpose: own-use" : "") + " }");
            }
            String basis = pick(random, BASES);
            if (basis.equals("setting")) {
                basis = settings == 0 ? "consent" : "setting:s" + random.nextInt(settings);
            }
            y.line("    legal_basis: " + (basis.startsWith("setting:") ? "\"" + basis + "\"" : basis));
            if (basis.equals("legitimate-interest")) {
                y.line("    objection: { method: " + pick(random, METHODS) + " }");
            }
            if (basis.equals("consent") && random.nextBoolean()) {
                y.line("    withdrawal: { method: " + pick(random, METHODS) + " }");
            }
            y.line("    started: " + started);
            if (random.nextInt(4) == 0) {
                y.line("    ended: " + started.plusDays(30 + random.nextInt(300)));
            }
        }

        if (random.nextInt(4) == 0) {
            y.line("models:");
            y.line("  - id: m1");
            y.line("    general_purpose: " + random.nextBoolean());
            y.line("    trained_by: [" + practiceIds.get(0) + "]");
            y.line("    placed_on_market: { region: " + pick(random, "EU", "DE", "US") + ", date: " + day(random, 2000, 2700) + " }");
            y.line("    training_summary_published: " + (random.nextInt(3) == 0));
        }
        return y.toString();
    }

    private static LocalDate day(SplittableRandom random, int from, int to) {
        return EPOCH.plusDays(from + random.nextInt(to - from));
    }

    private static String pick(SplittableRandom random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String hash(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            s.append(String.format(Locale.ROOT, "%016x", random.nextLong()));
        }
        // A hash of only digits would read as a YAML number; the loader wants 64 hex characters as text.
        s.setCharAt(0, 'a');
        return s.toString();
    }

    /** A line-by-line YAML writer. */
    private static final class Yaml {
        private final StringBuilder text = new StringBuilder(2048);

        void line(String line) {
            text.append(line).append('\n');
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
