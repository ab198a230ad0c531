package dev.covenant.classify;

import dev.covenant.model.AccountDeletion;
import dev.covenant.model.Model;
import dev.covenant.model.Period;
import dev.covenant.model.Practice;
import dev.covenant.model.Retention;
import dev.covenant.model.Retention.Overstay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Derived: a practice's data kept longer than its own retention allows, each way it is ({@link Overstay}) with the
 * days it was: past the practice's own limit (records kept {@code kept_days} against {@code limit_days}), after
 * members delete their accounts ({@code on_account_deletion: kept}), or in a model trained on them that outlives
 * the limit (the data in derived form: the FTC's algorithmic-disgorgement theory; whether a model holds personal data
 * is for counsel). Never for data kept under a legal obligation ({@code legal_hold}), the exception both GDPR
 * Art. 17(3)(b) and Cal. Civ. Code § 1798.105(d) make. {@code models}: those kept past the limit.
 */
public record KeptTooLong(Practice practice, Retention retention, List<Overstay> reasons, List<Period> days,
        List<Model> models) implements Derived {

    public KeptTooLong {
        reasons = List.copyOf(reasons);
        days = List.copyOf(days);
        models = dev.covenant.model.Fact.inFileOrder(models);
    }

    /** How {@code practice}'s data, first collected on {@code collectedFrom}, were kept too long by {@code asOf}; null when not. */
    public static KeptTooLong of(Practice practice, Retention retention, LocalDate collectedFrom, Collection<Model> models,
            LocalDate asOf) {
        if (retention.legalHold() || practice.period().from().isAfter(asOf)) {
            return null;
        }
        List<Overstay> reasons = new ArrayList<>();
        List<Period> days = new ArrayList<>();
        List<Model> kept = new ArrayList<>();
        if (retention.exceedsOwnLimit()) {
            Period overstay = Retention.overstay(practice, collectedFrom, retention.limitDays(), retention.keptDays(), asOf);
            if (overstay != null) {
                reasons.add(Overstay.PAST_LIMIT);
                days.add(overstay);
            }
        }
        if (retention.onAccountDeletion() == AccountDeletion.KEPT) {
            reasons.add(Overstay.AFTER_ACCOUNT_DELETION);
            days.add(practice.period().knownBy(asOf));
        }
        if (retention.limitDays() != null) {
            // The first records are due for deletion the day after the limit; a model trained on them kept past then keeps them.
            LocalDate due = Retention.overstayedFrom(collectedFrom, retention.limitDays());
            for (Model model : models) {
                if (model.builtFrom(practice) && model.keptOn(due) && !due.isAfter(asOf)) {
                    kept.add(model);
                    LocalDate last = model.deleted() == null || model.deleted().isAfter(asOf) ? asOf : model.deleted().minusDays(1);
                    days.add(new Period(due, last));
                }
            }
            if (!kept.isEmpty()) {
                reasons.add(Overstay.IN_MODEL);
            }
        }
        return reasons.isEmpty() ? null : new KeptTooLong(practice, retention, reasons, days, kept);
    }

    /** In words: "kept past its own limit (90 days; kept 400)". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (Overstay reason : reasons) {
            parts.add(switch (reason) {
                case PAST_LIMIT -> reason + " (limit " + retention.limitDays() + " days, kept " + retention.keptDays() + ")";
                case AFTER_ACCOUNT_DELETION -> reason.toString();
                case IN_MODEL -> reason + " (" + String.join(", ", models.stream().map(m -> "'" + m.id() + "'").toList()) + ")";
            });
        }
        return String.join("; ", parts);
    }

    @Override
    public List<Object> basis() {
        return Derived.basis(models, practice, retention);
    }
}
