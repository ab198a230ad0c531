package dev.covenant.finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * A finding's identity across runs, for baselines and code-scanning services: the rule, the scenario,
 * the identity (kind and id) of its evidence, and its message with numbers removed — so moving lines or
 * changing a member count keeps the identity, while a different practice or category does not.
 * Evidence is identified by its kind's stable key, never by the label reports print.
 */
public final class Fingerprint {

    /**
     * FROZEN. Fingerprints were first computed from kind labels; two keys differ from the label they were
     * hashed as then, and are hashed under that old name still, so that every stored baseline and every
     * code-scanning alert keeps matching. Never change an entry; a new kind is hashed under its key.
     */
    private static final java.util.Map<String, String> HASHED_AS = java.util.Map.of(
            "cohort", "member cohort",
            "version", "document version");

    private Fingerprint() {
    }

    public static String of(String scenarioId, Finding f) {
        String evidence = f.evidence().stream().map(e -> HASHED_AS.getOrDefault(e.kindKey(), e.kindKey()) + ":" + e.id()).sorted().collect(Collectors.joining("|"));
        String key = f.ruleId() + "\n" + scenarioId + "\n" + evidence + "\n" + f.message().replaceAll("[0-9,]+", "#");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
