package dev.covenant.classify;

import dev.covenant.model.Practice;
import dev.covenant.model.Region;
import dev.covenant.model.Subject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derived: the people who are not members a practice touches within a region, counted — the counterpart of
 * {@link Audience} for {@link Subject} groups: {@code Subjects( practice == $practice, region == "EEA" )}, one per
 * region a group lies within ({@link Region#enclosing}) and one for {@value Audience#ANYWHERE}. They hold no
 * account, so a rule asking whether people were asked counts them as never asked.
 */
public record Subjects(Practice practice, String region, List<Subject> groups) implements Derived {

    public Subjects {
        groups = dev.covenant.model.Fact.inFileOrder(groups);
    }

    /** The people counted, each group once. */
    public long people() {
        return dev.covenant.model.People.counted(groups);
    }

    /** The subjects of {@code practice} that touches {@code touched}: one per region they lie within, and anywhere. */
    public static List<Subjects> of(Practice practice, Collection<?> touched) {
        Map<String, List<Subject>> byRegion = new LinkedHashMap<>();
        List<Subject> everyone = new ArrayList<>();
        for (Object value : touched) {
            Subject subject = (Subject) value;
            if (everyone.contains(subject)) {
                continue;
            }
            everyone.add(subject);
            for (String region : Region.enclosing(subject.region())) {
                byRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(subject);
            }
        }
        List<Subjects> result = new ArrayList<>();
        byRegion.forEach((region, groups) -> result.add(new Subjects(practice, region, groups)));
        if (!everyone.isEmpty()) {
            result.add(new Subjects(practice, Audience.ANYWHERE, everyone));
        }
        return result;
    }

    @Override
    public String scope() {
        return region;
    }

    @Override
    public List<Object> basis() {
        return Derived.basis(groups, practice);
    }
}
