package dev.covenant.finding;

import dev.covenant.model.Region;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A citation from a rule's {@code @reference}. A scoped citation ({@code [EEA] GDPR Art. 25(2)})
 * applies only when the finding's evidence includes members within that region; an unscoped one
 * always applies.
 */
public record Citation(String text, String scope) {

    private static final Pattern SCOPED = Pattern.compile("^\\[([A-Za-z0-9-]+)]\\s*(.*)$", Pattern.DOTALL);

    public static Citation parse(String written) {
        Matcher m = SCOPED.matcher(written.strip());
        return m.matches() ? new Citation(m.group(2).strip(), m.group(1)) : new Citation(written.strip(), null);
    }

    public boolean isScoped() {
        return scope != null;
    }

    /**
     * True when the citation applies to a finding that reaches members in {@code regions}: the one
     * scoping decision, for scenario findings (the regions of the cohorts in the evidence) and record
     * findings (the member's region) alike.
     */
    public boolean appliesTo(Collection<String> regions) {
        return !isScoped() || regions.stream().anyMatch(r -> Region.within(r, scope));
    }

    /** As written in the catalog: the text, with the members it depends on. */
    @Override
    public String toString() {
        return isScoped() ? text + " (" + scope + " members)" : text;
    }
}
