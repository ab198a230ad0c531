package dev.covenant.finding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.model.FactKind;
import dev.covenant.source.SourceSpan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fingerprint follows what a finding is about, not how reports word it. */
class FingerprintTest {

    /** Kinds added after fingerprints hashed keys: no baseline holds them under a label. */
    private static final java.util.Set<FactKind> ADDED_AFTER_KEYS = java.util.EnumSet.of(FactKind.SUBJECT, FactKind.ORDER,
            FactKind.RETENTION, FactKind.DELETION_REQUEST,
            FactKind.BIOMETRIC_SCHEDULE, FactKind.BREACH);

    @Test
    void rewording_a_kinds_display_label_keeps_the_fingerprint_so_baselines_still_match() {
        Finding labelledToday = finding(evidence("cohort", "member cohort", "eu"), evidence("practice", "practice", "p"));
        Finding relabelled = finding(evidence("cohort", "members", "eu"), evidence("practice", "data practice", "p"));

        assertThat(Fingerprint.of("s", relabelled)).isEqualTo(Fingerprint.of("s", labelledToday));
    }

    @Test
    void every_kind_hashes_as_the_label_fingerprints_were_first_computed_from() throws Exception {
        // Before kinds had keys, the fingerprint hashed "<label>:<id>"; stored baselines hold those hashes. A kind
        // added since (SUBJECT) has no stored baseline under a label and is hashed under its key.
        for (FactKind kind : FactKind.values()) {
            Finding f = finding(evidence(kind.key(), kind.label(), "x"));
            String hashedAs = ADDED_AFTER_KEYS.contains(kind) ? kind.key() : kind.label();
            String before = "RULE\ns\n" + hashedAs + ":x\nmessage #";
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(before.getBytes(StandardCharsets.UTF_8));

            assertThat(Fingerprint.of("s", f)).as(kind.name()).isEqualTo(HexFormat.of().formatHex(digest, 0, 16));
        }
    }

    @Test
    void a_different_fact_of_another_kind_with_the_same_id_is_a_different_finding() {
        assertThat(Fingerprint.of("s", finding(evidence("cohort", "member cohort", "x"))))
                .isNotEqualTo(Fingerprint.of("s", finding(evidence("setting", "setting", "x"))));
    }

    private static Evidence evidence(String key, String label, String id) {
        return new Evidence("subject", key, label, id, SourceSpan.of("s.yaml", 1, 1), null);
    }

    private static Finding finding(Evidence... evidence) {
        return new Finding("RULE", "t", Severity.HIGH, "statute", List.of("c"), "message 12", Arrays.asList(evidence), null,
                List.of(), List.of(), null, Review.NONE);
    }
}
