package dev.covenant.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.ShippedRules;
import dev.covenant.engine.Evaluator;
import dev.covenant.engine.Limits;
import dev.covenant.finding.Finding;
import dev.covenant.finding.ScenarioResult;
import dev.covenant.model.Cohort;
import dev.covenant.model.Practice;
import dev.covenant.model.Promise;
import dev.covenant.model.Recipient;
import dev.covenant.model.Region;
import dev.covenant.model.Relationship;
import dev.covenant.model.Scenario;
import dev.covenant.model.Setting;
import dev.covenant.scenario.ScenarioFiles;
import dev.covenant.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * One reading of each legal definition, checked end to end: every shipped scenario is projected into the
 * data-use records its practices imply (one per practice, reached cohort, category, recipient and telling
 * day, with the settings the members it reaches must have), the record rules judge those records, and a
 * scenario rule fires on a practice exactly when its record rule flags one of that practice's records.
 * The scenarios are the shipped fixtures and those in {@code scenarios/parity}.
 */
class ScenarioRecordParityTest {

    /** A scenario rule, its record counterpart, and the projected records the two share a scope on. */
    private record Pair(String scenarioRule, String recordRule, Predicate<UseRecord> scope) {
    }

    /** Scenarios beside the shipped ones: a remote-computing service, consent claimed as each statute asks, each recipient role. */
    private static final Path PARITY = Path.of("src/test/resources/scenarios/parity");

    private static final List<Pair> PAIRS = List.of(
            new Pair("SCA-DISCLOSURE", "REC-SCA-DISCLOSURE", r -> true),
            new Pair("PREMIUM-CONFIDENTIALITY", "REC-PREMIUM-CONFIDENTIALITY", r -> true),
            new Pair("REGION-EXCLUSION-BREACH", "REC-EXCLUDED-REGION", r -> true),
            // The scenario rule is COPPA's (US members); the record rule also reads GDPR Art. 8 for the EEA and UK.
            new Pair("CHILD-DATA-TRAINING", "REC-CHILD-DATA", r -> r.inRegion("US")),
            // Both read the written release through Consent.writtenReleaseBy. The scenario rule also counts Illinois people
            // who are not members, whom no member's records hold: no shipped scenario has them, so the pair is exact.
            new Pair("BIOMETRIC-ILLINOIS", "REC-BIOMETRIC-ILLINOIS", r -> true));

    @Test
    void a_scenario_rule_fires_on_a_practice_exactly_when_its_record_rule_flags_a_record_of_it() {
        Evaluator evaluator = new Evaluator(ShippedRules.get(), Limits.DEFAULT);
        Map<String, Set<String>> fired = new java.util.TreeMap<>();
        for (Scenario scenario : shippedScenarios()) {
            ScenarioResult result = evaluator.evaluate(scenario);
            assertThat(result.status()).as(scenario.file()).isEqualTo(ScenarioResult.Status.EVALUATED);
            List<UseRecord> records = project(scenario);
            RecordEngine engine = new RecordEngine(RecordRules.shipped(), RecordEngine.contextOf(scenario), Limits.DEFAULT);
            List<RecordEngine.Flag> flags = engine.evaluate(records);

            for (Pair pair : PAIRS) {
                Set<String> byScenario = new TreeSet<>();
                for (Finding f : result.findings()) {
                    if (f.ruleId().equals(pair.scenarioRule()) && f.subject() instanceof Practice p) {
                        byScenario.add(p.id());
                    }
                }
                Set<String> byRecords = new TreeSet<>();
                for (RecordEngine.Flag flag : flags) {
                    if (flag.rule().id().equals(pair.recordRule()) && pair.scope().test(flag.record())) {
                        byRecords.add(flag.record().recordId().split("/")[0]);
                    }
                }
                assertThat(byRecords).as("%s: practices %s flags on their records, vs %s on the scenario",
                        scenario.file(), pair.recordRule(), pair.scenarioRule()).isEqualTo(byScenario);
                if (!byScenario.isEmpty()) {
                    fired.computeIfAbsent(pair.scenarioRule(), k -> new TreeSet<>()).add(scenario.file());
                }
            }
        }
        assertThat(fired.keySet()).as("every pair is exercised by some shipped scenario")
                .containsExactlyInAnyOrderElementsOf(PAIRS.stream().map(Pair::scenarioRule).toList());
    }

    @Test
    void a_remote_computing_service_is_bound_by_subsection_a2_at_both_levels() {
        Scenario rcs = ScenarioLoader.load(PARITY.resolve("rcs-archive-shared.yaml"), "rcs-archive-shared.yaml").scenario();
        Finding scenarioFinding = new Evaluator(ShippedRules.get(), Limits.DEFAULT).evaluate(rcs).findings().stream()
                .filter(f -> f.ruleId().equals("SCA-DISCLOSURE")).findFirst().orElseThrow();
        RecordEngine.Flag flag = new RecordEngine(RecordRules.shipped(), RecordEngine.contextOf(rcs), Limits.DEFAULT)
                .evaluate(project(rcs)).stream().filter(f -> f.rule().id().equals("REC-SCA-DISCLOSURE")).findFirst().orElseThrow();

        assertThat(scenarioFinding.citations()).containsExactly("18 U.S.C. § 2707(c)", "18 U.S.C. § 2702(a)(2)");
        assertThat(flag.citations()).isEqualTo(scenarioFinding.citations());
    }

    @Test
    void each_recipient_role_is_divulged_to_or_not_alike_at_both_levels() {
        Scenario roles = ScenarioLoader.load(PARITY.resolve("sca-recipient-roles.yaml"), "sca-recipient-roles.yaml").scenario();
        Set<String> byScenario = new TreeSet<>();
        new Evaluator(ShippedRules.get(), Limits.DEFAULT).evaluate(roles).findings().stream()
                .filter(f -> f.ruleId().equals("SCA-DISCLOSURE")).forEach(f -> byScenario.add(((Practice) f.subject()).id()));
        Set<String> byRecords = new TreeSet<>();
        new RecordEngine(RecordRules.shipped(), RecordEngine.contextOf(roles), Limits.DEFAULT).evaluate(project(roles)).stream()
                .filter(f -> f.rule().id().equals("REC-SCA-DISCLOSURE")).forEach(f -> byRecords.add(f.record().recordId().split("/")[0]));

        assertThat(byScenario).as("(b)(1) addressee, (b)(4) relay, (b)(5) host and the platform itself are not divulged to")
                .containsExactly("made-public", "to-affiliate", "to-third-party", "to-vendor-own-use");
        assertThat(byRecords).isEqualTo(byScenario);
    }

    @Test
    void consent_a_practice_claims_or_a_member_gives_keeps_a_record_out_of_the_sca_and_withdrawal_brings_it_back() {
        Scenario alleged = ScenarioLoader.load(Path.of("fixtures/linkedin/linkedin-2024-as-alleged.yaml"), "alleged.yaml").scenario();
        RecordEngine engine = new RecordEngine(RecordRules.shipped(), RecordEngine.contextOf(alleged), Limits.DEFAULT);
        Setting setting = alleged.settings().get(0);
        LocalDate day = LocalDate.parse("2024-10-01");
        SettingAtUse never = new SettingAtUse(setting.id(), setting.defaultOn(), false, null, setting.defaultOn(), setting.introduced());
        SettingAtUse turnedOn = new SettingAtUse(setting.id(), true, true, day.minusDays(30), setting.defaultOn(), setting.introduced());
        SettingAtUse turnedOff = new SettingAtUse(setting.id(), false, true, day.minusDays(30), setting.defaultOn(), setting.introduced());

        assertThat(scaFlagged(engine, message(day, never))).as("on by default: silence is not consent").isTrue();
        assertThat(scaFlagged(engine, message(day, turnedOn))).as("turned on by the member").isFalse();
        assertThat(scaFlagged(engine, message(day, turnedOff))).as("turned off by the member").isTrue();
    }

    private static UseRecord message(LocalDate day, SettingAtUse setting) {
        return new UseRecord("r1", "m1", "free", "US", "user.content.private", null, "train_ai_system", day,
                "Affiliate model provider", Relationship.AFFILIATE, null, null, null, "uses.csv", 2, List.of(setting));
    }

    private static boolean scaFlagged(RecordEngine engine, UseRecord record) {
        return engine.evaluate(List.of(record)).stream().anyMatch(f -> f.rule().id().equals("REC-SCA-DISCLOSURE"));
    }

    /**
     * The records a scenario's practices imply. A member of a reached cohort, for each category, each
     * recipient (or none: the platform's own use), on each day that can tell (the practice's start, and
     * each promise's start while the practice ran). Each setting that enables the use where the member
     * lives is as those members have it: the one governing the practice is on — by their own act when it
     * defaults off, since the practice reaches only members who turned it on — and any other at its default.
     */
    private static List<UseRecord> project(Scenario scenario) {
        LocalDate asOf = scenario.asOf();
        List<UseRecord> records = new ArrayList<>();
        for (Practice practice : scenario.practices()) {
            var ran = practice.periodAsOf(asOf);
            Set<LocalDate> days = new TreeSet<>();
            days.add(practice.started());
            for (Promise promise : scenario.promises()) {
                LocalDate start = promise.period().from().isAfter(practice.started()) ? promise.period().from() : practice.started();
                if (ran.contains(start)) {
                    days.add(start);
                }
            }
            List<Recipient> recipients = new ArrayList<>(practice.recipients());
            recipients.add(null);
            for (Cohort cohort : scenario.cohorts()) {
                if (!practice.reaches(cohort, asOf)) {
                    continue;
                }
                List<SettingAtUse> settings = new ArrayList<>();
                for (Setting s : scenario.settings()) {
                    if (s.enablesUse(practice.use()) && Region.withinAny(cohort.region(), s.regions())) {
                        boolean governs = practice.governedBy(s);
                        settings.add(new SettingAtUse(s.id(), governs || s.defaultOn(), governs && !s.defaultOn(),
                                governs && !s.defaultOn() ? s.introduced() : null, s.defaultOn(), s.introduced()));
                    }
                }
                for (String category : practice.categories()) {
                    for (Recipient recipient : recipients) {
                        for (LocalDate day : days) {
                            String id = String.join("/", practice.id(), cohort.id(), category,
                                    recipient == null ? "self" : recipient.name(), day.toString());
                            records.add(new UseRecord(id, cohort.id(), cohort.tier(), cohort.region(), category, null, practice.use(), day,
                                    recipient == null ? null : recipient.name(), recipient == null ? null : recipient.relationship(),
                                    recipient == null ? null : recipient.purpose(), null, null, "projection", records.size() + 1, settings));
                        }
                    }
                }
            }
        }
        return records;
    }

    private static List<Scenario> shippedScenarios() {
        List<Scenario> scenarios = new ArrayList<>();
        for (ScenarioFiles.Found found : ScenarioFiles.find(List.of(ShippedRules.FIXTURES, PARITY)).files()) {
            var loaded = ScenarioLoader.load(found.path(), found.display());
            assertThat(loaded.isValid()).as(found.display()).isTrue();
            scenarios.add(loaded.scenario());
        }
        assertThat(scenarios).hasSizeGreaterThan(20);
        return scenarios;
    }
}
