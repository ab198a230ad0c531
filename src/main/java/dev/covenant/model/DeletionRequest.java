package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.List;

/**
 * Requests to delete received from {@code count} people in {@code region} on {@code received}, covering the data of
 * {@code practices}; {@code completed} is the day the data were deleted (null: not deleted). {@code byParent}: the
 * requests came from the parents of children whose data they cover (COPPA, 16 C.F.R. § 312.6(a)(2)). The people
 * asking are counted where they live, so a finding on requests is scoped to them.
 */
public record DeletionRequest(String id, String region, long count, LocalDate received, List<String> practices,
        LocalDate completed, boolean byParent, SourceSpan span) implements People {

    /** GDPR Art. 12(3): without undue delay and in any event within one month of receipt. */
    public static final int EEA_MONTHS = 1;
    /** Cal. Civ. Code § 1798.130(a)(2)(A) and Cal. Code Regs. tit. 11, § 7021(b): 45 calendar days. */
    public static final int CALIFORNIA_DAYS = 45;

    public DeletionRequest {
        practices = List.copyOf(practices);
    }

    /** The request as known on {@code asOf}: data deleted after that day had not been deleted then. */
    public DeletionRequest knownOn(LocalDate asOf) {
        return completed != null && completed.isAfter(asOf)
                ? new DeletionRequest(id, region, count, received, practices, null, byParent, span) : this;
    }

    @Override
    public FactKind factKind() {
        return FactKind.DELETION_REQUEST;
    }

    @Override
    public boolean members() {
        return true;
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%,d request%s to delete from %s%s, received %s, covering %s; %s",
                count, count == 1 ? "" : "s", byParent ? "parents in " : "", region, received, String.join(", ", practices),
                completed == null ? "not completed" : "completed " + completed);
    }

    /** True when the requests cover {@code practice}'s data. */
    public boolean covers(Practice practice) {
        return practices.contains(practice.id());
    }

    /**
     * The last day the data may lawfully still be held: one month after receipt in the EEA and the UK (Art. 12(3)),
     * 45 days elsewhere (the CCPA's period, the one other the pack reads; the extensions both laws allow are not
     * read). An extension claimed is for counsel.
     */
    public LocalDate due() {
        return Region.within(region, "EEA") || Region.within(region, "UK")
                ? received.plusMonths(EEA_MONTHS) : received.plusDays(CALIFORNIA_DAYS);
    }

    /** True when the data were not deleted by the day due (completed later, or not at all by {@code asOf}). */
    public boolean overdue(LocalDate asOf) {
        return completed == null ? asOf.isAfter(due()) : completed.isAfter(due());
    }

    /** The days the data were held past the day due: from the day after it to the day of completion, or {@code asOf}. */
    public Period overdueDays(LocalDate asOf) {
        return new Period(due().plusDays(1), completed == null ? asOf : completed);
    }

    /** In words for messages: "not completed by 2024-05-01" or "completed 2024-06-20, after 2024-05-01". */
    public String outcome(LocalDate asOf) {
        return completed == null ? "not completed by " + asOf + " (due " + due() + ")"
                : "completed " + completed + ", after the day due (" + due() + ")";
    }
}
