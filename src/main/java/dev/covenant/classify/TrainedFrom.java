package dev.covenant.classify;

import dev.covenant.model.Model;
import dev.covenant.model.Practice;
import java.util.List;

/** Derived: a model and the practices whose data trained it (its {@code trained_by}), possibly none stated. */
public record TrainedFrom(Model model, List<Practice> practices) implements Derived {

    public TrainedFrom {
        practices = dev.covenant.model.Fact.inFileOrder(practices);
    }

    @Override
    public List<Object> basis() {
        return Derived.basis(practices, model);
    }
}
