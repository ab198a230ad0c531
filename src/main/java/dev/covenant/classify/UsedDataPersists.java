package dev.covenant.classify;

import dev.covenant.model.Fact;
import dev.covenant.model.Model;
import dev.covenant.model.Practice;
import dev.covenant.model.Recipient;
import java.util.Collection;
import java.util.List;

/**
 * Derived: data a practice has already used persists beyond the use — in a model built from it and still kept
 * ({@code where} is the {@link Model}), or with a recipient that keeps its own copy ({@code where} is the
 * {@link Recipient}). An opt-out that is not retroactive leaves exactly this in place.
 */
public record UsedDataPersists(Practice practice, Fact where) implements Derived {

    @Override
    public List<Object> basis() {
        return List.of(practice, where);
    }

    /** In words, for a finding's message: "model 'm' is kept; recipient 'r' (third-party) keeps a copy". */
    public String describe() {
        return where instanceof Recipient r ? "recipient " + r.describe() + " keeps a copy" : "model '" + where.id() + "' is kept";
    }

    public static String describeAll(Collection<UsedDataPersists> persisting) {
        return String.join("; ", persisting.stream().map(UsedDataPersists::describe).sorted().toList());
    }
}
