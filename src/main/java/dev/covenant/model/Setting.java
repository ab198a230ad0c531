package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.List;

/** A member-facing setting that enables uses of data; {@code defaultOn} means opted in unless members act. */
public record Setting(
        String id,
        LocalDate introduced,
        boolean defaultOn,
        List<String> enables,
        List<String> regions,
        OptOut optOut,
        SourceSpan span) implements Fact {

    public Setting {
        enables = List.copyOf(enables);
        regions = List.copyOf(regions);
    }

    @Override
    public FactKind factKind() {
        return FactKind.SETTING;
    }

    @Override
    public String describe() {
        return "introduced " + introduced + ", default " + (defaultOn ? "on" : "off") + ", enables " + String.join(", ", enables)
                + (regions.isEmpty() ? "" : " in " + String.join(", ", regions))
                + (optOut == null ? "" : "; opt-out by " + optOut.method().key() + (optOut.retroactive() ? ", retroactive" : ", not retroactive"));
    }

    public boolean enablesUse(String use) {
        return Taxonomy.anyWithin(enables, use);
    }

    /** No {@code regions} means the setting is shown everywhere. */
    public boolean appliesTo(Cohort cohort) {
        return Region.withinAny(cohort.region(), regions);
    }

    /** The converse of {@link Practice#governedBy}, for rules that filter settings. */
    public boolean governs(Practice practice) {
        return practice.governedBy(this);
    }
}
