package dev.covenant.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.covenant.model.Cohort;
import dev.covenant.model.Period;
import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    private static final Cohort PREMIUM = new Cohort("premium-us", "premium", "US", 1_200_000,
            new Period(LocalDate.of(2010, 1, 1), LocalDate.of(2024, 7, 31)), SourceSpan.of("f.yaml", 3, 5));
    private static final Cohort FREE = new Cohort("free-ca", "free", "US-CA", 34_000,
            new Period(LocalDate.of(2012, 1, 1), null), SourceSpan.of("f.yaml", 9, 5));

    @Test
    void a_placeholder_is_a_binding_and_its_accessors_rendered_in_words() {
        MessageTemplate template = MessageTemplate.parse("'{cohort}' holds {cohort.count} {cohort.tier} members since {cohort.joined.from}");

        assertThat(template.render(Map.of("cohort", PREMIUM)))
                .isEqualTo("'premium-us' holds 1,200,000 premium members since 2010-01-01");
        assertThat(template.bindings()).containsExactly("cohort");
    }

    @Test
    void a_list_is_joined_and_an_accessor_after_it_applies_to_each_element() {
        MessageTemplate template = MessageTemplate.parse("{cohorts} in {cohorts.region}{none}{empty}");

        assertThat(template.render(Map.of("cohorts", List.of(PREMIUM, FREE), "empty", List.of())))
                .isEqualTo("premium-us, free-ca in US, US-CA");
    }

    @Test
    void doubled_braces_are_literal_and_an_unbalanced_brace_is_an_error_at_its_offset() {
        assertThat(MessageTemplate.parse("{{not a placeholder}}").render(Map.of())).isEqualTo("{not a placeholder}");
        assertThatThrownBy(() -> MessageTemplate.parse("members {cohort.count"))
                .hasMessage("at 8: a '{' without its '}' (write '{{' for a brace)");
        assertThatThrownBy(() -> MessageTemplate.parse("{cohort..count}")).hasMessageStartingWith("at 0: '{cohort..count}' must name a binding");
    }

    @Test
    void an_unknown_binding_or_accessor_is_named_with_a_suggestion_before_anything_runs() {
        MessageTemplate template = MessageTemplate.parse("{cohort.counts} and {cohrt} and {cohorts.whatever}");

        List<MessageTemplate.Problem> problems = template.problems(Map.of("cohort", Cohort.class, "cohorts", List.class),
                dev.covenant.scenario.Suggestions::didYouMean);

        assertThat(problems).extracting(MessageTemplate.Problem::offset).containsExactly(0, 20);
        assertThat(problems.get(0).message()).isEqualTo("'{cohort.counts}': Cohort has no accessor 'counts' (did you mean 'count'?)");
        assertThat(problems.get(1).message())
                .isEqualTo("'{cohrt}' names no binding of the rule: '$cohrt' is not bound in its when (did you mean 'cohort'?) (bound: $cohort, $cohorts)");
    }

    @Test
    void an_accessor_after_a_typed_list_and_the_arguments_of_a_method_are_checked_too() {
        MessageTemplate template = MessageTemplate.parse("{audience.cohorts.regionn} {practice.hasCategory(audience)} {practice.categories.size}");

        assertThat(template.problems(Map.of("audience", dev.covenant.classify.Audience.class, "practice", dev.covenant.model.Practice.class),
                dev.covenant.scenario.Suggestions::didYouMean)).extracting(MessageTemplate.Problem::message).containsExactly(
                "'{audience.cohorts.regionn}': Cohort has no accessor 'regionn' (did you mean 'region'?)",
                "'{practice.hasCategory(audience)}': Practice.hasCategory does not take (Audience)",
                "'{practice.categories.size}': String has no accessor 'size'");
    }

    @Test
    void a_method_can_take_other_bindings_and_a_list_gives_one_text_per_element() {
        MessageTemplate template = MessageTemplate.parse("{cohort.reachedBy(practice, asOf)}");

        assertThat(template.problems(Map.of("cohort", Cohort.class), (t, c) -> ""))
                .extracting(MessageTemplate.Problem::message)
                .containsExactly("'{cohort.reachedBy(practice, asOf)}' passes 'practice', which is not bound in the rule's when",
                        "'{cohort.reachedBy(practice, asOf)}' passes 'asOf', which is not bound in the rule's when");
        assertThat(MessageTemplate.parse("{clauses}").renderEach(Map.of("clauses", List.of("§ 1", "§ 2"))))
                .containsExactly("§ 1", "§ 2");
        assertThat(MessageTemplate.parse("{clause}").renderEach(Map.of())).isEmpty();
    }
}
