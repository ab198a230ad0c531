package dev.covenant.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Derived: everything in which a practice's used data persists — models built from it and still kept,
 * recipients keeping their own copies ({@link UsedDataPersists}) — gathered for one practice.
 */
public record DataKept(dev.covenant.model.Practice practice, List<UsedDataPersists> where) implements Derived {

    public DataKept {
        where = List.copyOf(where);
    }

    /** In words, sorted: "model 'm' is kept; recipient 'r' (third-party) keeps a copy". */
    public String describe() {
        return UsedDataPersists.describeAll(where);
    }

    @Override
    public List<Object> basis() {
        List<Object> basis = new ArrayList<>();
        where.forEach(persists -> basis.addAll(persists.basis()));
        return basis;
    }
}
