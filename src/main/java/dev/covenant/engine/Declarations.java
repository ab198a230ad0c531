package dev.covenant.engine;

/**
 * The names a rule's author gave its bindings, whichever way the pack was built. A compiled pack
 * (classic mode) knows only the DRL's own {@code $name}s; a cached pack (the executable model) also
 * declares every unbound pattern under a generated name ({@code GENERATED_$pattern_AsOf$12$}) and
 * renames a binding inside {@code accumulate}, {@code not} or {@code or} with a scope suffix
 * ({@code $r_2_sCoPe}). What a rule matched is shown under the author's names only, so that
 * {@code explain} reads the same with and without the cache.
 */
final class Declarations {

    /** Drools' prefix for the declaration of a pattern the DRL did not bind (DRLIdGenerator.isGenerated). */
    private static final String GENERATED = "GENERATED_";
    /** Drools' suffix for a binding declared in a nested scope, after {@code _N} (RuleContext.stripIfScoped). */
    private static final String SCOPED = "_sCoPe";

    private Declarations() {
    }

    /** The DRL name behind a declaration id, or null when the engine made the declaration up. */
    static String authored(String id) {
        String name = id.startsWith("$") ? id.substring(1) : id;
        if (name.startsWith(GENERATED) || name.startsWith("$" + GENERATED)) {
            return null;
        }
        if (id.endsWith(SCOPED)) {
            String scoped = id.substring(0, id.length() - SCOPED.length());
            int counter = scoped.lastIndexOf('_');
            return counter > 0 ? scoped.substring(0, counter) : scoped;
        }
        return id;
    }
}
