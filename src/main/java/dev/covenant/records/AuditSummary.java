package dev.covenant.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.covenant.report.Json;
import dev.covenant.report.JsonDiagnostic;
import dev.covenant.report.JsonExposure;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an audit found, in totals: findings per rule × region × tier, distinct members affected per
 * rule, and exposure for rules that declare {@code @exposure} per distinct member. Counts can be
 * added from single findings (embedded) or from aggregates (Spark), so both write the same summary.
 * Distinct members are held as a set per rule: memory grows with the members affected, not the records.
 */
public final class AuditSummary {

    private final Map<String, RuleTotals> rules = new TreeMap<>();
    private long rows;
    private long evaluated;
    private long invalid;

    /** Per-rule totals. */
    private static final class RuleTotals {
        dev.covenant.finding.RuleDescriptor judged;
        final Map<String, Long> byRegionTier = new TreeMap<>();
        final Set<String> members = new HashSet<>();
        long distinctMembers = -1;
        long records;
    }

    public void countRows(long read, long ok, long bad) {
        rows += read;
        evaluated += ok;
        invalid += bad;
    }

    public void add(RecordEngine.Flag flag) {
        RuleTotals totals = rules.computeIfAbsent(flag.rule().id(), id -> new RuleTotals());
        totals.judged = flag.rule();
        totals.records++;
        totals.byRegionTier.merge(flag.record().region() + "\u0000" + flag.record().tier(), 1L, Long::sum);
        totals.members.add(flag.record().memberId());
    }

    /** From aggregates (Spark): one region × tier count of a rule. */
    public void addCount(dev.covenant.finding.RuleDescriptor rule, String region, String tier, long count) {
        RuleTotals totals = rules.computeIfAbsent(rule.id(), id -> new RuleTotals());
        totals.judged = rule;
        totals.records += count;
        totals.byRegionTier.merge(region + "\u0000" + tier, count, Long::sum);
    }

    /** From aggregates (Spark): a rule's distinct members. */
    public void setDistinctMembers(String ruleId, long members) {
        rules.get(ruleId).distinctMembers = members;
    }

    public long findings() {
        return rules.values().stream().mapToLong(t -> t.records).sum();
    }

    public long rowsRead() {
        return rows;
    }

    public long invalidRows() {
        return invalid;
    }

    /** True when some rule at or above {@code threshold} found something. */
    public boolean anyAtLeast(dev.covenant.finding.Severity threshold) {
        return rules.values().stream().anyMatch(t -> t.records > 0
                && t.judged.severity().atLeast(threshold));
    }

    public void write(Writer out, Map<String, Object> inputs) throws IOException {
        Map<String, Long> exposureTotals = new TreeMap<>();
        List<RuleJson> perRule = new ArrayList<>();
        for (Map.Entry<String, RuleTotals> e : rules.entrySet()) {
            RuleTotals t = e.getValue();
            long members = t.distinctMembers >= 0 ? t.distinctMembers : t.members.size();
            JsonExposure exposure = null;
            if (t.judged.exposure() != null) {
                exposure = JsonExposure.of(t.judged.exposure().times(members));
                exposureTotals.merge(exposure.currency(), exposure.amount(), Long::sum);
            }
            List<RegionTierJson> byRegionTier = t.byRegionTier.entrySet().stream().map(rt -> {
                String[] key = rt.getKey().split("\u0000", 2);
                return new RegionTierJson(key[0], key[1], rt.getValue());
            }).toList();
            perRule.add(new RuleJson(e.getKey(), t.judged.title(), t.judged.severity().key(), t.records, members, exposure, byRegionTier));
        }
        Json.pretty(new SummaryJson(inputs, new RowsJson(rows, evaluated, invalid), findings(), perRule, exposureTotals,
                "Findings are issues for counsel to review, not legal advice."), out);
    }

    /** summary.json, as docs/records.md describes it. */
    record SummaryJson(Map<String, Object> inputs, RowsJson rows, long findings, List<RuleJson> rules,
            @JsonProperty("exposure_total") Map<String, Long> exposureTotal, String note) {
    }

    record RowsJson(long read, long evaluated, long invalid) {
    }

    record RuleJson(String rule, String title, String severity, long records, long members,
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonExposure exposure,
            @JsonProperty("by_region_tier") List<RegionTierJson> byRegionTier) {
    }

    record RegionTierJson(String region, String tier, long records) {
    }

    /** The {@code inputs} block of summary.json, built the same way embedded and on Spark. */
    public static Map<String, Object> inputs(String scenario, List<String> records, String settingsHistory, long historyRows,
            long historyMembers, long historyInvalidRows) {
        Map<String, Object> inputs = new java.util.LinkedHashMap<>();
        inputs.put("scenario", scenario);
        inputs.put("records", records);
        inputs.put("settings_history", settingsHistory);
        inputs.put("history_rows", historyRows);
        inputs.put("history_members", historyMembers);
        inputs.put("history_invalid_rows", historyInvalidRows);
        return inputs;
    }

    /** One bad row as a line of diagnostics.jsonl (no newline), in the one diagnostic shape. */
    public static String diagnosticLine(dev.covenant.source.Diagnostic d) {
        return Json.compact(JsonDiagnostic.of(d));
    }

    /** One finding as a JSON Lines line (no newline), the same embedded and on Spark. */
    public static String line(RecordEngine.Flag f) {
        UseRecord r = f.record();
        return Json.compact(new FindingLine(r.recordId(), r.memberId(), f.rule().id(), f.rule().severity().key(), f.citations(), r.tier(),
                r.region(), r.category(), r.use(), r.used().toString(), r.recipient(), r.model(),
                f.against().isEmpty() ? null : f.against(), r.location()));
    }

    /** A line of findings.jsonl; {@code recipient}, {@code model} and {@code against} only when the record has them. */
    record FindingLine(@JsonProperty("record_id") String recordId, @JsonProperty("member_id") String memberId, String rule,
            String severity, List<String> citations, String tier, String region, @JsonProperty("data_category") String dataCategory,
            String use, @JsonProperty("used_at") String usedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String recipient,
            @JsonInclude(JsonInclude.Include.NON_NULL) String model,
            @JsonInclude(JsonInclude.Include.NON_NULL) String against, String source) {
    }
}
