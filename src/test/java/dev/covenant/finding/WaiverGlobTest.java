package dev.covenant.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Waiver globs: the documented meaning, and no catastrophic backtracking on many stars. */
class WaiverGlobTest {

    @Test
    void stars_and_question_marks_match_as_documented() {
        assertThat(Waiver.globMatches("children-*", "children-training")).isTrue();
        assertThat(Waiver.globMatches("children-*", "children-")).isTrue();
        assertThat(Waiver.globMatches("children-*", "adult-training")).isFalse();
        assertThat(Waiver.globMatches("*-as-?lleged", "linkedin-genai-2024-as-alleged")).isTrue();
        assertThat(Waiver.globMatches("linkedin", "linkedin-genai")).as("no implicit star").isFalse();
        assertThat(Waiver.globMatches("a.b", "axb")).as("regex characters are literal").isFalse();
        assertThat(Waiver.globMatches("*", "")).isTrue();
        assertThat(Waiver.globMatches("?", "")).isFalse();
        assertThat(Waiver.globMatches("**a**", "bab")).isTrue();
    }

    @Test
    void many_stars_against_a_long_id_finish_at_once() {
        String pattern = "*a".repeat(40) + "*b";
        String id = "a".repeat(20_000);
        Waiver waiver = new Waiver("R", pattern, "j", "a", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), null);
        // A hang guard, not a speed claim: the regular-expression form never finished on this input.
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertThat(waiver.covers("R", id)).isFalse();
            assertThat(waiver.covers("R", id + "b")).isTrue();
        });
    }
}
