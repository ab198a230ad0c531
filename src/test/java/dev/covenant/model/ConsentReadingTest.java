package dev.covenant.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one reading of valid consent, the uses a contract does not need, and the ages of digital consent. */
class ConsentReadingTest {

    @Test
    void only_an_affirmative_informed_specific_free_act_is_consent() {
        for (ConsentGiven.Obtained way : ConsentGiven.Obtained.values()) {
            boolean valid = Consent.valid(given(way, true, true, false));
            assertThat(valid).as(way.key()).isEqualTo(way == ConsentGiven.Obtained.OPT_IN
                    || way == ConsentGiven.Obtained.WRITTEN_RELEASE || way == ConsentGiven.Obtained.VERIFIABLE_PARENTAL);
        }
        assertThat(Consent.defects(given(ConsentGiven.Obtained.OPT_IN, false, true, false)))
                .containsExactly("not informed (the person was not told who processes the data and for what)");
        assertThat(Consent.defects(given(ConsentGiven.Obtained.BUNDLED, true, false, true)))
                .containsExactly("bundled with the terms or other purposes", "not specific to this purpose", "made a condition of the service");
        // Not stated: the basis is taken as given, as before the key existed.
        assertThat(Consent.valid(null)).isTrue();
    }

    @Test
    void a_consent_label_is_consent_to_every_reader_only_when_it_holds() {
        Practice preTicked = practice(LegalBasis.Kind.CONSENT, given(ConsentGiven.Obtained.PRE_TICKED, true, true, false));
        Practice optIn = practice(LegalBasis.Kind.CONSENT, given(ConsentGiven.Obtained.OPT_IN, true, true, false));

        assertThat(Consent.claimedBy(preTicked)).isTrue();
        assertThat(Consent.heldBy(preTicked)).isFalse();
        assertThat(preTicked.restsOn("consent")).isFalse();
        assertThat(ConsentClaims.of(List.of(preTicked)).claimFor("train_ai_system", "user.content.public")).isFalse();
        // The ground stays the one claimed: Art. 7's conditions govern the claim (GDPR-INVALID-CONSENT cites them).
        assertThat(LegalGround.of(preTicked, id -> null)).isEqualTo(LegalGround.CONSENT);

        assertThat(Consent.heldBy(optIn)).isTrue();
        assertThat(optIn.restsOn("consent")).isTrue();
        assertThat(ConsentClaims.of(List.of(optIn)).claimFor("train_ai_system", "user.content.public")).isTrue();
    }

    @Test
    void parental_consent_is_a_parents_not_a_label() {
        Practice parentalLabel = practice(LegalBasis.Kind.PARENTAL_CONSENT, null);
        // On a parental-consent basis an opt-in is the parent's (GDPR Art. 8(1): given or authorised by the holder of
        // parental responsibility); how it was verified (Art. 8(2), 16 C.F.R. § 312.5(b)) is not judged.
        Practice parentsOptIn = practice(LegalBasis.Kind.PARENTAL_CONSENT, given(ConsentGiven.Obtained.OPT_IN, true, true, false));
        Practice childsOwnClick = practice(LegalBasis.Kind.CONSENT, given(ConsentGiven.Obtained.OPT_IN, true, true, false));
        Practice verified = practice(LegalBasis.Kind.CONSENT, given(ConsentGiven.Obtained.VERIFIABLE_PARENTAL, true, true, false));

        assertThat(parentalLabel.hasParentalConsent()).isTrue();
        assertThat(parentsOptIn.hasParentalConsent()).isTrue();
        assertThat(childsOwnClick.hasParentalConsent()).isFalse();
        assertThat(childsOwnClick.restsOn("parental-consent")).isFalse();
        assertThat(childsOwnClick.restsOn("consent")).isTrue();
        assertThat(verified.hasParentalConsent()).isTrue();
        assertThat(verified.restsOn("parental-consent")).isTrue();
    }

    @Test
    void a_contract_does_not_need_advertising_or_ai_training_and_the_list_says_why() {
        assertThat(ContractNecessity.notNecessary("marketing.advertising.first_party.targeted")).isTrue();
        assertThat(ContractNecessity.notNecessary("train_ai_system")).isTrue();
        assertThat(ContractNecessity.notNecessary("essential.service")).isFalse();
        assertThat(ContractNecessity.notNecessary("personalize.content.profiled")).isFalse();
        assertThat(ContractNecessity.why("marketing.advertising")).contains("Binding Decision 3/2022");
        assertThat(ContractNecessity.why("essential.service")).isNull();
    }

    @Test
    void the_age_of_digital_consent_is_the_country_s_with_the_gdpr_s_16_where_unchecked() {
        assertThat(DigitalConsentAge.of("DE")).singleElement().satisfies(a -> assertThat(a.age()).isEqualTo(16));
        assertThat(DigitalConsentAge.of("FR")).singleElement().satisfies(a -> assertThat(a.age()).isEqualTo(15));
        assertThat(DigitalConsentAge.of("ES")).singleElement().satisfies(a -> assertThat(a.age()).isEqualTo(14));
        assertThat(DigitalConsentAge.of("IT")).singleElement().satisfies(a -> assertThat(a.age()).isEqualTo(14));
        assertThat(DigitalConsentAge.of("BE")).singleElement().satisfies(a -> assertThat(a.age()).isEqualTo(13));
        assertThat(DigitalConsentAge.of("DE-BY")).singleElement().satisfies(a -> assertThat(a.age()).isEqualTo(16));
        assertThat(DigitalConsentAge.of("UK")).singleElement().satisfies(a -> assertThat(a.age()).isEqualTo(13));
        assertThat(DigitalConsentAge.of("GB-SCT")).singleElement().satisfies(a -> assertThat(a.age()).isEqualTo(13));
        assertThat(DigitalConsentAge.of("NO")).singleElement().satisfies(a -> {
            assertThat(a.age()).isEqualTo(DigitalConsentAge.GDPR_DEFAULT);
            assertThat(a.checked()).isFalse();
        });
        assertThat(DigitalConsentAge.of("EEA")).singleElement().satisfies(a -> assertThat(a.age()).isEqualTo(16));
        assertThat(DigitalConsentAge.of("US-CA")).isEmpty();
        // Every EU member state and EEA country has a row, and every age is one Art. 8(1) allows.
        for (String country : Region.EU_MEMBERS) {
            assertThat(DigitalConsentAge.of(country)).as(country).singleElement()
                    .satisfies(a -> assertThat(a.age()).isBetween(13, 16));
        }
    }

    private static ConsentGiven given(ConsentGiven.Obtained way, boolean informed, boolean specific, boolean condition) {
        return new ConsentGiven(way, LocalDate.of(2024, 6, 1), null, informed, specific, condition, false);
    }

    private static Practice practice(LegalBasis.Kind basis, ConsentGiven consent) {
        return new Practice("p", "train_ai_system", List.of("user.content.public"), List.of(), List.of(), true, List.of(),
                List.of(), new LegalBasis(basis, null), consent, null, null, null, null, Period.since(LocalDate.of(2024, 6, 1)), null, true, null, null);
    }
}
