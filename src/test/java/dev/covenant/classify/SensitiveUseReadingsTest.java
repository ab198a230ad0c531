package dev.covenant.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.model.Consent;
import dev.covenant.model.ConsentGiven;
import dev.covenant.model.LegalBasis;
import dev.covenant.model.LimitSensitive;
import dev.covenant.model.Period;
import dev.covenant.model.Platform;
import dev.covenant.model.Practice;
import dev.covenant.model.ProcessorPurpose;
import dev.covenant.model.Recipient;
import dev.covenant.model.Relationship;
import dev.covenant.model.Sensitive;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readings the sensitive-data obligations rest on: explicit consent, inference, sharing for one's own purposes, the limit link. */
class SensitiveUseReadingsTest {

    @Test
    void explicit_consent_is_valid_consent_stated_explicit_and_never_presumed() {
        assertThat(Consent.explicitBy(practice("essential.service", given(ConsentGiven.Obtained.OPT_IN, true), null))).isTrue();
        assertThat(Consent.explicitBy(practice("essential.service", given(ConsentGiven.Obtained.OPT_IN, false), null)))
                .as("valid consent, not said to be explicit").isFalse();
        assertThat(Consent.explicitBy(practice("essential.service", null, null))).as("no consent block").isFalse();
        assertThat(Consent.explicitBy(practice("essential.service", given(ConsentGiven.Obtained.PRE_TICKED, true), null)))
                .as("a pre-ticked box is no consent, however it is labelled").isFalse();
    }

    @Test
    void a_use_is_read_as_inferring_characteristics_as_stated_else_when_it_profiles_or_shares() {
        assertThat(practice("marketing.advertising.first_party.targeted", null, null).readAsInferring()).isTrue();
        assertThat(practice("third_party_sharing", null, null).readAsInferring()).isTrue();
        assertThat(practice("train_ai_system", null, null).readAsInferring()).isFalse();
        assertThat(practice("train_ai_system", null, true).readAsInferring()).as("stated").isTrue();
        assertThat(practice("marketing.advertising", null, false).readAsInferring()).as("stated").isFalse();
    }

    @Test
    void only_affiliates_third_parties_and_processors_on_their_own_account_use_data_for_their_own_purposes() {
        assertThat(recipient(Relationship.THIRD_PARTY, null).usesForOwnPurposes()).isTrue();
        assertThat(recipient(Relationship.AFFILIATE, null).usesForOwnPurposes()).isTrue();
        assertThat(recipient(Relationship.PROCESSOR, ProcessorPurpose.OWN_USE).usesForOwnPurposes()).isTrue();
        assertThat(recipient(Relationship.PROCESSOR, ProcessorPurpose.HOST).usesForOwnPurposes()).isFalse();
        assertThat(recipient(Relationship.ADDRESSEE, null).usesForOwnPurposes()).isFalse();
        assertThat(recipient(Relationship.PUBLIC, null).usesForOwnPurposes()).as("publication, not sharing").isFalse();
    }

    @Test
    void the_days_without_a_limit_link_are_the_conduct_before_it_was_offered() {
        Period conduct = new Period(LocalDate.of(2023, 9, 1), LocalDate.of(2025, 3, 1));
        assertThat(platform(null).withoutLimitSensitive(conduct)).containsExactly(conduct);
        assertThat(platform(LocalDate.of(2024, 6, 1)).withoutLimitSensitive(conduct))
                .containsExactly(new Period(LocalDate.of(2023, 9, 1), LocalDate.of(2024, 5, 31)));
        assertThat(platform(LocalDate.of(2023, 9, 1)).offersLimitSensitiveThroughout(conduct)).isTrue();
        assertThat(platform(LocalDate.of(2026, 1, 1)).withoutLimitSensitive(conduct)).as("offered only after the conduct")
                .containsExactly(conduct);
    }

    @Test
    void sensitive_data_is_read_for_the_conducts_dates() {
        Practice immigration = new Practice("p", "marketing", List.of("user.government_id.immigration", "user.contact.email"),
                List.of(), List.of(), true, List.of(), List.of(), null, null, null, null, null, null,
                Period.since(LocalDate.of(2023, 9, 1)), null, null, null, null);
        assertThat(SensitiveData.of(immigration, LocalDate.of(2023, 12, 31))).isEmpty();
        assertThat(SensitiveData.of(immigration, LocalDate.of(2024, 1, 1))).singleElement().satisfies(s -> {
            assertThat(s.definition()).isEqualTo(Sensitive.CCPA_SENSITIVE);
            assertThat(s.categories()).containsExactly("user.government_id.immigration");
        });
        assertThat(SensitiveData.of(immigration, null)).as("a planned practice: the definitions as they stand").hasSize(1);
    }

    private static ConsentGiven given(ConsentGiven.Obtained how, boolean explicit) {
        return new ConsentGiven(how, LocalDate.of(2024, 1, 1), null, true, true, false, explicit);
    }

    private static Practice practice(String use, ConsentGiven consent, Boolean infers) {
        return new Practice("p", use, List.of("user.health_and_medical"), List.of(), List.of(), true, List.of(), List.of(),
                new LegalBasis(LegalBasis.Kind.CONSENT, null), consent, null, null, null, null,
                Period.since(LocalDate.of(2024, 1, 1)), null, infers, null, null);
    }

    private static Recipient recipient(Relationship relationship, ProcessorPurpose purpose) {
        return new Recipient("p", "r", relationship, purpose, null);
    }

    private static Platform platform(LocalDate limitSince) {
        return new Platform("Example", List.of(), limitSince == null ? null : new LimitSensitive(limitSince, null), null, null);
    }
}
