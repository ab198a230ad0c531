package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One scenario file, as typed facts. Lists are never null; {@code expect} may be. */
public record Scenario(
        String id,
        String title,
        LocalDate asOf,
        String file,
        SourceSpan span,
        Platform platform,
        List<Cohort> cohorts,
        List<Promise> promises,
        List<Document> documents,
        List<DocumentVersion> versions,
        List<Disclosure> disclosures,
        List<Capture> captures,
        List<Setting> settings,
        List<Practice> practices,
        List<Model> models,
        Expectation expect) {

    public Scenario {
        cohorts = List.copyOf(cohorts);
        promises = List.copyOf(promises);
        documents = List.copyOf(documents);
        versions = List.copyOf(versions);
        disclosures = List.copyOf(disclosures);
        captures = List.copyOf(captures);
        settings = List.copyOf(settings);
        practices = List.copyOf(practices);
        models = List.copyOf(models);
    }

    /** The same facts judged on another date (the CLI's {@code --as-of}). */
    public Scenario withAsOf(LocalDate date) {
        return new Scenario(id, title, date, file, span, platform, cohorts, promises, documents, versions,
                disclosures, captures, settings, practices, models, expect);
    }

    /** Every fact to insert into a rule session, in file order within each kind. */
    public List<Object> facts() {
        List<Object> facts = new ArrayList<>();
        facts.add(new AsOf(asOf));
        facts.add(platform);
        facts.addAll(cohorts);
        facts.addAll(promises);
        facts.addAll(documents);
        facts.addAll(versions);
        facts.addAll(disclosures);
        facts.addAll(captures);
        facts.addAll(settings);
        for (Practice practice : practices) {
            facts.add(practice);
            facts.addAll(practice.recipients());
        }
        facts.addAll(models);
        return facts;
    }
}
