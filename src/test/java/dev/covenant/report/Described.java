package dev.covenant.report;

import dev.covenant.model.Fact;
import dev.covenant.model.FactKind;
import dev.covenant.source.SourceSpan;

/** A fact with nothing but what a report shows of it, for synthetic reports built in tests. */
record Described(FactKind factKind, String id, SourceSpan span, String describe) implements Fact {
}
