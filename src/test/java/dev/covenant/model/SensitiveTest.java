package dev.covenant.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sensitive-data table read as each law defines the term: the definitions differ, and the table keeps them apart. */
class SensitiveTest {

    @Test
    void gdprSpecialCategoriesHaveOpinionsButNotLocationChildrenBrowsingFinancialOrIds() {
        Sensitive gdpr = Sensitive.GDPR_SPECIAL_CATEGORY;
        assertThat(gdpr.includes("user.demographic.political_opinion")).isTrue();
        assertThat(gdpr.includes("user.health_and_medical.genetic")).isTrue();
        assertThat(gdpr.includes("user.biometric.fingerprint")).isTrue();
        assertThat(gdpr.includes("user.location.precise")).isFalse();
        assertThat(gdpr.includes("user.childrens")).isFalse();
        assertThat(gdpr.includes("user.behavior.browsing_history")).isFalse();
        assertThat(gdpr.includes("user.financial.credit_card")).isFalse();
        assertThat(gdpr.includes("user.government_id.passport_number")).isFalse();
        assertThat(gdpr.includes("user.criminal_history")).as("Art. 10, not Art. 9").isFalse();
    }

    @Test
    void ccpaSensitiveHasIdsCredentialsAndLocationButNotOpinionsBrowsingChildrenOrNotes() {
        Sensitive ccpa = Sensitive.CCPA_SENSITIVE;
        assertThat(ccpa.includes("user.government_id.national_identification_number")).isTrue();
        assertThat(ccpa.includes("user.authorization.credentials")).isTrue();
        assertThat(ccpa.includes("user.location.precise")).isTrue();
        // (ae)(1)(E) is the contents of mail, email and texts; the Fides key also holds notes and files: not derived.
        assertThat(ccpa.includes("user.content.private")).isFalse();
        assertThat(ccpa.includes("user.demographic.political_opinion")).isFalse();
        assertThat(ccpa.includes("user.behavior.browsing_history")).isFalse();
        assertThat(ccpa.includes("user.childrens")).isFalse();
        assertThat(ccpa.includes("user.location.imprecise")).isFalse();
        assertThat(ccpa.includes("user.government_id.vehicle_registration")).as("not in (ae)(1)(A)").isFalse();
    }

    @Test
    void ftcPracticeCountsHealthLocationBrowsingBiometricAndChildren() {
        Sensitive ftc = Sensitive.FTC_SENSITIVE;
        assertThat(ftc.among(List.of("user.health_and_medical.record_id", "user.location.precise", "user.behavior.browsing_history",
                "user.biometric.voice", "user.childrens", "user.contact.email", "user.demographic.religious_belief")))
                .containsExactly("user.behavior.browsing_history", "user.biometric.voice", "user.childrens",
                        "user.health_and_medical.record_id", "user.location.precise");
    }

    @Test
    void theMostSpecificRowDecides() {
        // A body's health readings are biometric in Fides but not an identifier under BIPA; they are health information.
        assertThat(Sensitive.BIPA_BIOMETRIC_IDENTIFIER.includes("user.biometric")).isTrue();
        assertThat(Sensitive.BIPA_BIOMETRIC_IDENTIFIER.includes("user.biometric.retinal")).isTrue();
        assertThat(Sensitive.BIPA_BIOMETRIC_IDENTIFIER.includes("user.biometric.health")).isFalse();
        assertThat(Sensitive.HEALTH_RECORD_INFORMATION.includes("user.biometric.health")).isTrue();
        assertThat(Sensitive.TEXAS_BIOMETRIC_IDENTIFIER.includes("user.authorization.biometric")).isTrue();
        // A parent key is not sensitive because some child is: a declared user.government_id is not a passport number.
        assertThat(Sensitive.CCPA_SENSITIVE.includes("user.government_id")).isFalse();
        assertThat(Sensitive.GDPR_SPECIAL_CATEGORY.includes("user")).isFalse();
    }

    @Test
    void aDefinitionAmendedOnADateListsTheKeyOnlyForConductReachingIt() {
        String immigration = "user.government_id.immigration";
        assertThat(Sensitive.CCPA_SENSITIVE.includesOn(immigration, LocalDate.parse("2023-12-31"))).isFalse();
        assertThat(Sensitive.CCPA_SENSITIVE.includesOn(immigration, LocalDate.parse("2024-01-01"))).isTrue();
        assertThat(Sensitive.CCPA_SENSITIVE.amongOn(List.of(immigration), LocalDate.parse("2023-06-30"))).isEmpty();
        assertThat(Sensitive.CCPA_SENSITIVE.includes(immigration)).isTrue();
    }

    @Test
    void everyRowNamesATaxonomyCategoryAndSaysWhy() {
        assertThat(Sensitive.rows()).isNotEmpty().allSatisfy(row -> {
            assertThat(Taxonomy.isCategory(row.key())).as(row.key()).isTrue();
            assertThat(row.note()).as(row.key()).isNotBlank();
        });
        for (Sensitive s : Sensitive.values()) {
            assertThat(s.listedKeys()).as(s.column()).isNotEmpty();
            assertThat(s.source()).as(s.column()).isNotBlank();
        }
    }
}
