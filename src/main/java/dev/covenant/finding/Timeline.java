package dev.covenant.finding;

import dev.covenant.model.Capture;
import dev.covenant.model.DocumentVersion;
import dev.covenant.model.Model;
import dev.covenant.model.Practice;
import dev.covenant.model.Promise;
import dev.covenant.model.Scenario;
import dev.covenant.model.Setting;
import dev.covenant.source.SourceSpan;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The dated facts of a scenario, lane by lane, for drawing: document versions (published, effective,
 * notice, captures), settings (introduced, default), promises and statements (periods), practices
 * (start and end) and models (placed on the market). Open periods run to {@code asOf}.
 */
public record Timeline(LocalDate asOf, List<Item> items) {

    /** Lanes, top to bottom. */
    public enum Lane { DOCUMENTS, SETTINGS, PROMISES, PRACTICES, MODELS }

    /** One fact on the timeline: a period or a point, with dated marks and where it is written. */
    public record Item(Lane lane, String kindKey, String id, String label, LocalDate start, LocalDate end, boolean open,
            List<Mark> marks, SourceSpan span, List<String> stands) {

        public Item {
            marks = List.copyOf(marks);
            stands = List.copyOf(stands);
        }

        /**
         * True when this item stands for the fact {@code kindKey}/{@code id} (a version also for its disclosures and
         * captures). Matched by the kind's stable key, never its display label, which is free to change.
         */
        public boolean standsFor(String factKindKey, String factId) {
            return (kindKey.equals(factKindKey) && id.equals(factId)) || stands.contains(factKindKey + ":" + factId);
        }
    }

    /** A dated event on an item, such as "published" or "notice". */
    public record Mark(LocalDate date, String label) {
    }

    public Timeline {
        items = items.stream().sorted(Comparator.comparing(Item::lane).thenComparing(Item::start).thenComparing(Item::id)).toList();
    }

    public static Timeline of(Scenario scenario) {
        List<Item> items = new ArrayList<>();
        for (DocumentVersion v : scenario.versions()) {
            List<Mark> marks = new ArrayList<>();
            marks.add(new Mark(v.published(), "published"));
            if (!v.effective().equals(v.published())) {
                marks.add(new Mark(v.effective(), "effective"));
            }
            if (v.notice() != null) {
                marks.add(new Mark(v.notice().sent(), "notice (" + v.notice().channel() + ")"));
            }
            for (Capture c : scenario.captures()) {
                if (c.belongsTo(v)) {
                    marks.add(new Mark(c.captured(), "captured " + c.textSha256().substring(0, 8)));
                }
            }
            LocalDate start = marks.stream().map(Mark::date).min(Comparator.naturalOrder()).orElseThrow();
            LocalDate end = marks.stream().map(Mark::date).max(Comparator.naturalOrder()).orElseThrow();
            List<String> stands = new ArrayList<>();
            scenario.disclosures().stream().filter(d -> d.documentId().equals(v.documentId()) && d.version().equals(v.version()))
                    .forEach(d -> stands.add(d.kindKey() + ":" + d.id()));
            scenario.captures().stream().filter(c -> c.belongsTo(v)).forEach(c -> stands.add(c.kindKey() + ":" + c.id()));
            items.add(new Item(Lane.DOCUMENTS, v.kindKey(), v.id(), v.id(), start, end, false, marks, v.span(), stands));
        }
        for (Setting s : scenario.settings()) {
            Setting known = s.knownOn(scenario.asOf());
            List<Mark> marks = new ArrayList<>(List.of(new Mark(s.introduced(), "introduced")));
            known.changes().forEach(c -> marks.add(new Mark(c.on(), "default " + (c.defaultOn() ? "on" : "off"))));
            if (known.withdrawn() != null) {
                marks.add(new Mark(known.withdrawn(), "withdrawn"));
            }
            items.add(new Item(Lane.SETTINGS, s.kindKey(), s.id(), s.id() + " (default " + (s.defaultAtIntroduction() ? "on" : "off") + ")",
                    s.introduced(), known.withdrawn() == null ? scenario.asOf() : known.withdrawn(), known.withdrawn() == null,
                    marks, s.span(), List.of()));
        }
        for (Promise p : scenario.promises()) {
            items.add(new Item(Lane.PROMISES, p.kindKey(), p.id(), p.id() + " (" + p.promiseKind().key() + ")",
                    p.period().from(), p.period().to() == null ? scenario.asOf() : p.period().to(), p.period().isOpen(),
                    List.of(new Mark(p.period().from(), "since")), p.span(), List.of()));
        }
        for (Practice p : scenario.practices()) {
            List<Mark> marks = new ArrayList<>(List.of(new Mark(p.started(), "started")));
            if (p.period().to() != null) {
                marks.add(new Mark(p.period().to(), "ended"));
            }
            items.add(new Item(Lane.PRACTICES, p.kindKey(), p.id(), p.id() + " (" + p.use() + ")", p.started(),
                    p.period().to() == null ? scenario.asOf() : p.period().to(), p.period().isOpen(), marks, p.span(),
                    p.recipients().stream().map(r -> r.kindKey() + ":" + r.id()).toList()));
        }
        for (Model m : scenario.models()) {
            if (m.placedOnMarket() != null) {
                LocalDate placed = m.placedOnMarket().date();
                items.add(new Item(Lane.MODELS, m.kindKey(), m.id(), m.id() + " (" + m.placedOnMarket().region() + " market)",
                        placed, placed, false, List.of(new Mark(placed, "placed on market")), m.span(), List.of()));
            }
        }
        return new Timeline(scenario.asOf(), items);
    }
}
