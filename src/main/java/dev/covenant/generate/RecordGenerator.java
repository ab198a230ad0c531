package dev.covenant.generate;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic record inputs for {@code covenant audit}: a data-use log and a settings
 * history over the context scenario shipped with it (the LinkedIn facts as alleged), varied so that
 * every record rule fires on some records and not on others. Record {@code i} and member {@code m}
 * depend only on the seed and their index, so any slice can be generated independently.
 */
public final class RecordGenerator {

    public static final String CONTEXT_RESOURCE = "/dev/covenant/records/context.yaml";
    public static final String USES_HEADER = "record_id,member_id,tier,region,data_category,collected_at,use,used_at,recipient,relationship,model,member_age";
    public static final String SETTINGS_HEADER = "member_id,setting_id,value,changed_at";
    private static final String[] REGIONS = {"US-CA", "US-CA", "US-NY", "US-TX", "US", "US", "DE", "FR", "IE", "GB", "CH", "IN", "BR"};
    private static final String[] CATEGORIES = {"user.content.private", "user.content.private", "user.content.public",
        "user.content.public", "user.content.public", "user.behavior.browsing_history", "user.childrens"};
    private static final String[] USES = {"train_ai_system", "train_ai_system", "train_ai_system", "third_party_sharing",
        "personalize", "analytics"};
    private static final LocalDate START = LocalDate.of(2024, 6, 1);
    private static final int SPAN_DAYS = 234; // to 2025-01-21

    private final long seed;
    private final long members;

    public RecordGenerator(long seed, long records) {
        this.seed = seed;
        this.members = Math.max(1, records / 8);
    }

    public long members() {
        return members;
    }

    /**
     * Writes a whole data set into {@code dir}: {@code scenario.yaml} (the context), {@code uses.csv}
     * ({@code records} rows) and {@code settings-history.csv}.
     */
    public static RecordGenerator write(java.nio.file.Path dir, long seed, long records) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        RecordGenerator generator = new RecordGenerator(seed, records);
        try (java.io.InputStream context = RecordGenerator.class.getResourceAsStream(CONTEXT_RESOURCE)) {
            java.nio.file.Files.write(dir.resolve("scenario.yaml"), context.readAllBytes());
        }
        try (Writer w = java.nio.file.Files.newBufferedWriter(dir.resolve("uses.csv"), java.nio.charset.StandardCharsets.UTF_8)) {
            generator.writeUses(records, w);
        }
        try (Writer w = java.nio.file.Files.newBufferedWriter(dir.resolve("settings-history.csv"), java.nio.charset.StandardCharsets.UTF_8)) {
            generator.writeSettings(w);
        }
        return generator;
    }

    /** Writes {@code count} use rows (with header). */
    public void writeUses(long count, Writer out) throws IOException {
        out.write(USES_HEADER);
        out.write('\n');
        StringBuilder line = new StringBuilder(160);
        for (long i = 0; i < count; i++) {
            line.setLength(0);
            SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
            long member = r.nextLong(members);
            Member m = member(member);
            String use = USES[r.nextInt(USES.length)];
            String category = m.age >= 0 && m.age < 13 && r.nextInt(3) == 0 ? "user.childrens" : CATEGORIES[r.nextInt(CATEGORIES.length - 1)];
            // A third of Illinois members' rows are face templates (BIPA); no random draw, so other rows stay as they were.
            if (m.region.equals("US-IL") && i % 3 == 0) {
                category = "user.biometric";
            }
            LocalDate used = START.plusDays(r.nextInt(SPAN_DAYS));
            LocalDate collected = m.joined.isAfter(used) ? used : m.joined.plusDays(r.nextInt((int) Math.max(1, used.toEpochDay() - m.joined.toEpochDay() + 1)));
            boolean shared = use.equals("third_party_sharing") || (use.equals("train_ai_system") && r.nextInt(2) == 0);
            line.append('r').append(i).append(",m").append(member).append(',').append(m.tier).append(',').append(m.region)
                    .append(',').append(category).append(',').append(collected).append(',').append(use).append(',').append(used).append(',');
            if (shared) {
                line.append(use.equals("third_party_sharing") ? "\"Ad partner, Inc.\",third-party" : "Affiliate model provider,affiliate");
            } else {
                line.append(",self");
            }
            line.append(',');
            if (use.equals("train_ai_system")) {
                line.append("genai-").append(used.getYear()).append('-').append(used.getMonthValue() < 7 ? 'a' : 'b');
            }
            line.append(',');
            if (m.age >= 0) {
                line.append(m.age);
            }
            line.append('\n');
            out.append(line);
        }
    }

    /** Writes the settings history of every member (with header): a third of US members change the setting. */
    public void writeSettings(Writer out) throws IOException {
        out.write(SETTINGS_HEADER);
        out.write('\n');
        for (long member = 0; member < members; member++) {
            Member m = member(member);
            if (!m.region.startsWith("US")) {
                continue;
            }
            SplittableRandom r = new SplittableRandom(seed * 0xC2B2AE3D27D4EB4FL + member);
            int changes = r.nextInt(3) == 0 ? 1 + r.nextInt(3) : 0;
            LocalDate day = LocalDate.of(2024, 8, 1);
            boolean on = true;
            for (int k = 0; k < changes; k++) {
                day = day.plusDays(1 + r.nextInt(60));
                on = !on;
                out.append('m').append(Long.toString(member)).append(",data-for-genai-improvement,").append(on ? "on" : "off")
                        .append(',').append(day.toString()).append('\n');
            }
        }
    }

    private record Member(String tier, String region, int age, LocalDate joined) {
    }

    private Member member(long member) {
        SplittableRandom r = new SplittableRandom(seed * 0xD6E8FEB86659FD93L + member);
        String tier = r.nextInt(5) == 0 ? "premium" : "free";
        String region = REGIONS[r.nextInt(REGIONS.length)];
        // One US member in eight lives in Illinois, chosen without a random draw so every other member is unchanged.
        if (region.equals("US") && member % 8 == 0) {
            region = "US-IL";
        }
        int age = r.nextInt(4) == 0 ? 10 + r.nextInt(60) : -1;
        LocalDate joined = LocalDate.of(2010, 1, 1).plusDays(r.nextInt(5300));
        return new Member(tier, region, age, joined);
    }
}
