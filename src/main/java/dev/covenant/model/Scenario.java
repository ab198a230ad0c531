package dev.covenant.model;

import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One scenario file, as typed facts ({@code span}: where its id, the {@code scenario} key, is written).
 * Lists are never null; {@code orders} are the consent orders and decrees binding the platform; {@code retentions} the
 * practices' retention (one per practice that states it), {@code deletionRequests} the requests to delete received, {@code breaches} the personal data breaches it became aware of. (What a fixture expects is not a fact: {@code LoadResult.expect()}.) {@code warnings} are the loader's warnings about the file
 * (it is still evaluated); they are not facts.
 */
public record Scenario(
        String id,
        String title,
        LocalDate asOf,
        String file,
        SourceSpan span,
        Platform platform,
        List<Cohort> cohorts,
        List<Subject> subjects,
        List<Promise> promises,
        List<Document> documents,
        List<DocumentVersion> versions,
        List<Disclosure> disclosures,
        List<Capture> captures,
        List<Setting> settings,
        List<Practice> practices,
        List<Model> models,
        List<Order> orders,
        List<Retention> retentions,
        List<DeletionRequest> deletionRequests,
        List<BiometricSchedule> biometricSchedules,
        List<Breach> breaches,
        List<Diagnostic> warnings) {

    /** A scenario the loader had nothing to warn about. */
    public Scenario(String id, String title, LocalDate asOf, String file, SourceSpan span, Platform platform,
            List<Cohort> cohorts, List<Subject> subjects, List<Promise> promises, List<Document> documents, List<DocumentVersion> versions,
            List<Disclosure> disclosures, List<Capture> captures, List<Setting> settings, List<Practice> practices,
            List<Model> models) {
        this(id, title, asOf, file, span, platform, cohorts, subjects, promises, documents, versions, disclosures, captures,
                settings, practices, models, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public Scenario {
        warnings = warnings.stream().sorted().toList();
        cohorts = List.copyOf(cohorts);
        subjects = List.copyOf(subjects);
        promises = List.copyOf(promises);
        documents = List.copyOf(documents);
        versions = List.copyOf(versions);
        disclosures = List.copyOf(disclosures);
        captures = List.copyOf(captures);
        settings = List.copyOf(settings);
        practices = List.copyOf(practices);
        models = List.copyOf(models);
        orders = List.copyOf(orders);
        retentions = List.copyOf(retentions);
        deletionRequests = List.copyOf(deletionRequests);
        biometricSchedules = List.copyOf(biometricSchedules);
        breaches = List.copyOf(breaches);
    }

    /** The same facts judged on another date (the CLI's {@code --as-of}). */
    public Scenario withAsOf(LocalDate date) {
        return new Scenario(id, title, date, file, span, platform, cohorts, subjects, promises, documents, versions,
                disclosures, captures, settings, practices, models, orders, retentions, deletionRequests, biometricSchedules, breaches, warnings);
    }

    /**
     * Every fact to insert into a rule session, in file order within each kind. Facts that begin after
     * {@code as_of} (a practice not yet started, a version not yet published, a cohort not yet joined)
     * are not known on that date and are left out, so no rule can judge the past by the future.
     */
    public List<Object> facts() {
        List<Object> facts = new ArrayList<>();
        facts.add(new AsOf(asOf));
        facts.add(platform);
        cohorts.stream().filter(c -> known(c.joined().from())).forEach(facts::add);
        subjects.stream().filter(s -> known(s.since())).forEach(facts::add);
        promises.stream().filter(p -> known(p.period().from())).forEach(facts::add);
        facts.addAll(documents);
        versions.stream().filter(v -> known(v.published())).forEach(facts::add);
        disclosures.stream().filter(d -> known(d.published())).forEach(facts::add);
        captures.stream().filter(c -> known(c.captured())).forEach(facts::add);
        // A setting as known on as_of: a later default change or withdrawal has not happened yet.
        settings.stream().filter(s -> known(s.introduced())).map(s -> s.knownOn(asOf)).forEach(facts::add);
        for (Practice practice : practices) {
            if (known(practice.started())) {
                facts.add(practice);
                facts.addAll(practice.recipients());
            }
        }
        facts.addAll(models);
        orders.stream().filter(o -> known(o.effective())).forEach(facts::add);
        // A practice's retention is known with the practice; requests once received.
        retentions.stream().filter(r -> practices.stream().anyMatch(p -> p.id().equals(r.practice()) && known(p.started())))
                .forEach(facts::add);
        deletionRequests.stream().filter(d -> known(d.received())).map(d -> d.knownOn(asOf)).forEach(facts::add);
        biometricSchedules.stream().filter(b -> known(b.published())).forEach(facts::add);
        // A notice or deletion dated after as_of had not happened on that date.
        breaches.stream().filter(b -> known(b.discovered())).map(b -> b.knownOn(asOf)).forEach(facts::add);
        return facts;
    }

    private boolean known(LocalDate day) {
        return !day.isAfter(asOf);
    }
}
