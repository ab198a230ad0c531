package dev.covenant.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.scenario.LoadResult;
import dev.covenant.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A notice given, or data deleted, after as_of had not happened on that date: the facts say so, not the file. */
class KnownOnTest {

    private static Scenario asOf(String fixture, String day) throws Exception {
        String yaml = Files.readString(Path.of(fixture), StandardCharsets.UTF_8).replaceFirst("(?m)^as_of: .*$", "as_of: " + day);
        LoadResult loaded = ScenarioLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), fixture);
        assertThat(loaded.diagnostics()).isEmpty();
        return loaded.scenario();
    }

    @Test
    void aBreachNoticeAfterAsOfIsNotKnownNorAreItsReasons() throws Exception {
        Scenario before = asOf("fixtures/breaches/notified-late-with-reasons.yaml", "2025-01-15");
        assertThat(before.facts()).filteredOn(Breach.class::isInstance).map(Breach.class::cast).singleElement().satisfies(b -> {
            assertThat(b.authorityNotified()).isNull();
            assertThat(b.delayReasons()).isNull();
            assertThat(b.authorityNoticeMissed(LocalDate.parse("2025-01-15"))).isTrue();
        });
        Scenario after = asOf("fixtures/breaches/notified-late-with-reasons.yaml", "2025-01-16");
        assertThat(after.facts()).filteredOn(Breach.class::isInstance).map(Breach.class::cast).singleElement()
                .satisfies(b -> assertThat(b.authorityNotified()).isEqualTo("2025-01-16"));
    }

    @Test
    void dataDeletedAfterAsOfWereStillHeldOnIt() throws Exception {
        Scenario before = asOf("fixtures/retention/deletion-request-late-ca.yaml", "2024-11-30");
        assertThat(before.facts()).filteredOn(DeletionRequest.class::isInstance).map(DeletionRequest.class::cast).singleElement()
                .satisfies(d -> {
                    assertThat(d.completed()).isNull();
                    assertThat(d.outcome(LocalDate.parse("2024-11-30"))).doesNotContain("2024-12-01");
                });
    }
}
