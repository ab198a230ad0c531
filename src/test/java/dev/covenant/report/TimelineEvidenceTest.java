package dev.covenant.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.finding.Evidence;
import dev.covenant.finding.Finding;
import dev.covenant.finding.Severity;
import dev.covenant.finding.Timeline;
import dev.covenant.model.FactKind;
import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTML timeline finds the facts a finding rests on by their kind's stable key, not its display label. */
class TimelineEvidenceTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 1, 21);

    @Test
    void a_timeline_item_is_flagged_by_kind_key_and_id_whatever_the_kind_is_called() {
        SourceSpan at = new SourceSpan("s.yaml", 86, 5, "practices[0]");
        Timeline timeline = new Timeline(AS_OF, List.of(
                new Timeline.Item(Timeline.Lane.PRACTICES, FactKind.PRACTICE.key(), "genai-training", "genai training",
                        LocalDate.of(2024, 8, 1), AS_OF, true, List.of(), at, List.of()),
                new Timeline.Item(Timeline.Lane.SETTINGS, FactKind.SETTING.key(), "genai-training", "same id, other kind",
                        LocalDate.of(2024, 8, 1), AS_OF, true, List.of(), at, List.of())));
        // The label a report prints is free to change; here it is one no FactKind has.
        Evidence relabelled = new Evidence("subject", FactKind.PRACTICE.key(), "data practice (renamed)", "genai-training", at,
                new Described(FactKind.PRACTICE, "genai-training", at, "detail"));
        Finding finding = new Finding("R-1", "title", Severity.HIGH, "contract", List.of("a citation"), "message",
                List.of(relabelled), null, List.of(), List.of(), null, null);

        List<HtmlRenderer.ItemView> items = HtmlRenderer.timeline(timeline, List.of(finding)).items();

        assertThat(items).extracting(HtmlRenderer.ItemView::lane, HtmlRenderer.ItemView::flagged, HtmlRenderer.ItemView::rules)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("settings", false, null),
                        org.assertj.core.groups.Tuple.tuple("practices", true, "R-1"));
    }
}
