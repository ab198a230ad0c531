package dev.covenant.finding;

import java.util.List;

/**
 * A rule's reading of the law, written for counsel to check: the theory the finding rests on (deception,
 * unfairness, breach of contract, statutory duty, and under which provision), the elements that must be
 * shown (each mapped to the scenario or record facts the rule reads), the exceptions the rule honours, and
 * what it does not decide. From the rule's {@code @theory}, {@code @elements} (separated by ';'),
 * {@code @exceptions} and {@code @notCovered}; each is optional for a custom pack, so any part may be null
 * (elements empty). It explains a finding; it never decides one.
 */
public record LegalReading(String theory, List<String> elements, String exceptions, String notCovered) {

    /** A rule that states no reading. */
    public static final LegalReading NONE = new LegalReading(null, List.of(), null, null);

    public LegalReading {
        elements = elements == null ? List.of() : List.copyOf(elements);
    }

    /** Whether the rule states no part of a reading. */
    public boolean isEmpty() {
        return theory == null && elements.isEmpty() && exceptions == null && notCovered == null;
    }

    /** Whether every part is stated: what the shipped pack holds each obligation rule to. */
    public boolean isComplete() {
        return theory != null && !elements.isEmpty() && exceptions != null && notCovered != null;
    }
}
