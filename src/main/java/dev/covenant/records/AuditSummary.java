package dev.covenant.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
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

    private static final JsonFactory JSON = JsonFactory.builder().disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build();

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
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartObject();
            g.writeObjectFieldStart("inputs");
            for (Map.Entry<String, Object> e : inputs.entrySet()) {
                g.writeFieldName(e.getKey());
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("rows");
            g.writeNumberField("read", rows);
            g.writeNumberField("evaluated", evaluated);
            g.writeNumberField("invalid", invalid);
            g.writeEndObject();
            g.writeNumberField("findings", findings());
            Map<String, Long> exposureTotals = new TreeMap<>();
            g.writeArrayFieldStart("rules");
            for (Map.Entry<String, RuleTotals> e : rules.entrySet()) {
                RuleTotals t = e.getValue();
                long members = t.distinctMembers >= 0 ? t.distinctMembers : t.members.size();
                g.writeStartObject();
                g.writeStringField("rule", e.getKey());
                g.writeStringField("title", t.judged.title());
                g.writeStringField("severity", t.judged.severity().key());
                g.writeNumberField("records", t.records);
                g.writeNumberField("members", members);
                if (t.judged.exposure() != null) {
                    dev.covenant.finding.Exposure exposure = t.judged.exposure().times(members);
                    g.writeObjectFieldStart("exposure");
                    g.writeNumberField("amount", exposure.amount());
                    g.writeStringField("currency", exposure.currency());
                    g.writeStringField("basis", exposure.basis());
                    g.writeEndObject();
                    exposureTotals.merge(exposure.currency(), exposure.amount(), Long::sum);
                }
                g.writeArrayFieldStart("by_region_tier");
                for (Map.Entry<String, Long> rt : t.byRegionTier.entrySet()) {
                    String[] key = rt.getKey().split("\u0000", 2);
                    g.writeStartObject();
                    g.writeStringField("region", key[0]);
                    g.writeStringField("tier", key[1]);
                    g.writeNumberField("records", rt.getValue());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("exposure_total");
            for (Map.Entry<String, Long> e : exposureTotals.entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeStringField("note", "Findings are issues for counsel to review, not legal advice.");
            g.writeEndObject();
        }
        out.write('\n');
    }

    private static void writeValue(JsonGenerator g, Object value) throws IOException {
        if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else if (value instanceof Number n) {
            g.writeNumber(n.longValue());
        } else if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value.toString());
        }
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

    /** One bad row as a line of diagnostics.jsonl (no newline). */
    public static String diagnosticLine(dev.covenant.source.Diagnostic d) {
        StringBuilder s = new StringBuilder(160);
        field(s.append('{'), "file", d.where().file()).append(",\"line\":").append(d.where().line()).append(',');
        return field(s, "message", d.message()).append('}').toString();
    }

    /**
     * One finding as a JSON Lines line (no newline), the same embedded and on Spark. Written directly
     * with Jackson's string quoting: this runs once per finding, millions of times.
     */
    public static String line(RecordEngine.Flag f) {
        UseRecord r = f.record();
        StringBuilder s = new StringBuilder(320);
        s.append('{');
        field(s, "record_id", r.recordId()).append(',');
        field(s, "member_id", r.memberId()).append(',');
        field(s, "rule", f.rule().id()).append(',');
        field(s, "severity", f.rule().severity().key()).append(",\"citations\":[");
        for (int i = 0; i < f.citations().size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            quoted(s, f.citations().get(i));
        }
        s.append("],");
        field(s, "tier", r.tier()).append(',');
        field(s, "region", r.region()).append(',');
        field(s, "data_category", r.category()).append(',');
        field(s, "use", r.use()).append(',');
        field(s, "used_at", r.used().toString());
        if (r.recipient() != null) {
            field(s.append(','), "recipient", r.recipient());
        }
        if (r.model() != null) {
            field(s.append(','), "model", r.model());
        }
        if (!f.against().isEmpty()) {
            field(s.append(','), "against", f.against());
        }
        field(s.append(','), "source", r.location());
        return s.append('}').toString();
    }

    private static StringBuilder field(StringBuilder s, String name, String value) {
        s.append('"').append(name).append("\":");
        return quoted(s, value);
    }

    private static StringBuilder quoted(StringBuilder s, String value) {
        s.append('"');
        com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(value, s);
        return s.append('"');
    }
}
