package dev.covenant.model;

import java.util.List;

/**
 * The one list of uses a contract with the person does not need, so that {@code legal_basis: contract} cannot carry
 * them (GDPR Art. 6(1)(b): processing "necessary for the performance of a contract"): necessity is read
 * objectively, by what the service the person asked for cannot do without (EDPB Guidelines 2/2019 on Art. 6(1)(b),
 * version 2.0 of 2019-10-08), which no use below is.
 */
public final class ContractNecessity {

    /**
     * Fides data uses (vendored taxonomy keys; a narrower use under one counts) and why each is not necessary. For
     * advertising the EDPB decided it in Binding Decision 3/2022 (adopted 2022-12-05), given effect by the Irish DPC's
     * final decision of 2022-12-31 on Meta's Facebook service (Binding Decision 4/2022 did the same for Instagram).
     * {@code personalize.content.*} is not listed: personalised content may be an intrinsic part of some services
     * (Guidelines 2/2019, on personalisation of content), a case-by-case question the pack does not answer.
     */
    private static final List<Entry> NOT_NECESSARY = List.of(
            new Entry("marketing", "advertising, behavioural advertising included, is not necessary to perform a "
                    + "contract for an online service (EDPB Guidelines 2/2019; EDPB Binding Decision 3/2022)"),
            new Entry("train_ai_system", "training an AI system serves the provider's product, not the service each "
                    + "person contracted for (EDPB Guidelines 2/2019: what is merely useful to the controller is not necessary)"));

    private record Entry(String use, String why) {
    }

    private ContractNecessity() {
    }

    /** True when {@code use} (or the use it falls under) is one a contract does not need. */
    public static boolean notNecessary(String use) {
        return NOT_NECESSARY.stream().anyMatch(e -> Taxonomy.within(use, e.use()));
    }

    /** Why {@code use} is not necessary to perform a contract, or null when the list says nothing of it. */
    public static String why(String use) {
        return NOT_NECESSARY.stream().filter(e -> Taxonomy.within(use, e.use())).map(Entry::why).findFirst().orElse(null);
    }

    /** The uses listed, for documentation. */
    public static List<String> uses() {
        return NOT_NECESSARY.stream().map(Entry::use).toList();
    }
}
