package dev.covenant.classify;

import dev.covenant.model.Disclosure;
import dev.covenant.model.Practice;
import java.time.LocalDate;
import java.util.List;

/**
 * Derived: the earliest published disclosure that tells, of a practice's use of one of its data categories, all
 * that GDPR Art. 13(1)(c) and (e) (Art. 14(1)(c) and (e)) ask — the purpose, the legal basis the practice relies
 * on, and every kind of outside recipient it gives the data to ({@link Disclosure#tellsInFull}) — read as
 * {@link FirstDisclosure} reads a disclosure: it does not count on a day a specific statement in force binds the
 * category to other uses (principle 5). {@code reading} is that reading; a disclosure of the purpose only is
 * FirstDisclosure's, not this.
 */
public record FullNotice(FirstDisclosure reading) implements Derived {

    public Practice practice() {
        return reading.practice();
    }

    public String category() {
        return reading.category();
    }

    public Disclosure disclosure() {
        return reading.disclosure();
    }

    /** True when the people {@code due} speaks of were told in time: told by its due date, with this notice counting then. */
    public boolean tells(NoticeDue due) {
        LocalDate told = due.toldOn();
        return told != null && !told.isAfter(due.due()) && reading.countsOn(told);
    }

    @Override
    public List<Object> basis() {
        return reading.basis();
    }
}
