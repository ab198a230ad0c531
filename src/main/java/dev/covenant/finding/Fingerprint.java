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
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(String scenarioId, Finding f) {
        String evidence = f.evidence().stream().map(e -> e.kind() + ":" + e.id()).sorted().collect(Collectors.joining("|"));
        String key = f.ruleId() + "\n" + scenarioId + "\n" + evidence + "\n" + f.message().replaceAll("[0-9,]+", "#");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
