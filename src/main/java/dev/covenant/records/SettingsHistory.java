package dev.covenant.records;

import dev.covenant.model.Region;
import dev.covenant.model.Setting;
import dev.covenant.records.RowFormat.RowException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Members' setting changes, held in memory in a compact form for the as-of join: per member one
 * {@code long[]} sorted by the change's instant, each change packed as (UTC instant to the
 * millisecond, setting, date only, value) in 8 bytes. Memory is about 100 bytes per member plus 8
 * per change; {@link #DEFAULT_MAX_ROWS} bounds it and a larger history is refused, not truncated.
 *
 * <p>Changes are ordered by their instants, never by their place in the file: an export need not
 * be sorted, and a change written with an offset ({@code 23:00-05:00}) may fall on the next UTC day.
 * Two changes whose order is unknown and matters — the same setting set to both values at the same
 * instant, or a change given by its date alone and another change of that setting on that day with
 * the other value — are rejected, each a row diagnostic ({@link Builder#rejected()}): which came
 * last cannot be told, and guessing from the file's order is what read them backwards.
 */
public final class SettingsHistory {

    /** 20 million changes: about 160 MB of changes plus the members' keys. */
    public static final long DEFAULT_MAX_ROWS = 20_000_000L;
    /**
     * One member's changes beyond this are row diagnostics, not used. A million is centuries of a
     * member toggling every setting daily; the bound keeps one member's lookups and arrays small.
     */
    public static final int MAX_CHANGES_PER_MEMBER = 1_000_000;
    /** Settings a history can tell apart (the packing's setting field). */
    public static final int MAX_SETTINGS = 1 << 15;

    /** Instants are milliseconds since 1900-01-01T00:00Z (the first year a date may have): 45 bits reach past 2999. */
    private static final long EPOCH_MILLI = Instant.parse("1900-01-01T00:00:00Z").toEpochMilli();
    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final int INSTANT_SHIFT = 17;

    private final List<Setting> settings;
    private final Map<String, long[]> byMember;
    private final Map<String, List<Integer>> candidatesByUse = new ConcurrentHashMap<>();
    private final long rows;

    private SettingsHistory(List<Setting> settings, Map<String, long[]> byMember, long rows) {
        this.settings = settings;
        this.byMember = byMember;
        this.rows = rows;
    }

    public static SettingsHistory empty(List<Setting> settings) {
        return new SettingsHistory(List.copyOf(settings), Map.of(), 0);
    }

    public long rows() {
        return rows;
    }

    public int members() {
        return byMember.size();
    }

    /** When a change happened: its UTC instant, and whether the row gave only a date (then the instant is that day's start). */
    public record ChangedAt(long epochMilli, boolean dateOnly) {

        public LocalDate utcDate() {
            return LocalDate.ofEpochDay(Math.floorDiv(epochMilli, MILLIS_PER_DAY));
        }
    }

    private static long pack(ChangedAt when, int setting, boolean on) {
        return ((when.epochMilli() - EPOCH_MILLI) << INSTANT_SHIFT) | ((long) setting << 2) | (when.dateOnly() ? 2 : 0) | (on ? 1 : 0);
    }

    private static int setting(long c) {
        return (int) ((c >>> 2) & 0x7FFF);
    }

    private static boolean on(long c) {
        return (c & 1) == 1;
    }

    private static boolean dateOnly(long c) {
        return (c & 2) != 0;
    }

    private static long utcDay(long c) {
        return (c >>> INSTANT_SHIFT) / MILLIS_PER_DAY;
    }

    /** The change's UTC date. */
    private static LocalDate date(long c) {
        return LocalDate.ofEpochDay(utcDay(c) + EPOCH_MILLI / MILLIS_PER_DAY);
    }

    private static Instant instant(long c) {
        return Instant.ofEpochMilli((c >>> INSTANT_SHIFT) + EPOCH_MILLI);
    }

    /**
     * The scenario's settings that enable {@code use} where the member lives, each as it stood for
     * the member on {@code day}: the member's last change (by instant) before that UTC day began,
     * else the default. A change on the use date itself does not count; it is only noted
     * ({@link SettingAtUse#changedOnUseDate()}), so that a message does not claim the member never acted.
     */
    public List<SettingAtUse> at(String member, String region, String use, LocalDate day) {
        List<Integer> candidates = candidatesByUse.computeIfAbsent(use, u -> {
            List<Integer> found = new ArrayList<>();
            for (int i = 0; i < settings.size(); i++) {
                if (settings.get(i).enablesUse(u)) {
                    found.add(i);
                }
            }
            return List.copyOf(found);
        });
        if (candidates.isEmpty()) {
            return List.of();
        }
        long[] changes = byMember.get(member);
        int end = 0;
        int dayEnd = 0;
        if (changes != null) {
            // The changes before the day's first instant: the lower bound of the day's key.
            long before = (day.toEpochDay() * MILLIS_PER_DAY - EPOCH_MILLI) << INSTANT_SHIFT;
            int found = Arrays.binarySearch(changes, before);
            end = found >= 0 ? found : -found - 1;
            while (end > 0 && changes[end - 1] >= before) {
                end--; // binarySearch may land on any of equal keys
            }
            long after = ((day.toEpochDay() + 1) * MILLIS_PER_DAY - EPOCH_MILLI) << INSTANT_SHIFT;
            dayEnd = end;
            while (dayEnd < changes.length && changes[dayEnd] < after) {
                dayEnd++; // the changes on the use date itself
            }
        }
        List<SettingAtUse> result = new ArrayList<>(candidates.size());
        for (int index : candidates) {
            Setting setting = settings.get(index);
            if (!Region.withinAny(region, setting.regions()) || !setting.existsOn(day)) {
                // Not shown where the member lives, not yet introduced or already withdrawn on the use date: it
                // governed nothing then, and a finding held against it would state a default that did not exist.
                continue;
            }
            // The default on the use date: a later change of default reaches every member who has not chosen.
            boolean defaultOn = setting.defaultOnAt(day);
            boolean sameDay = false;
            for (int k = end; k < dayEnd && !sameDay; k++) {
                sameDay = setting(changes[k]) == index;
            }
            SettingAtUse state = null;
            for (int k = end - 1; k >= 0; k--) {
                long c = changes[k];
                if (setting(c) == index) {
                    state = new SettingAtUse(setting.id(), on(c), true, date(c), defaultOn, setting.introduced(), sameDay);
                    break;
                }
            }
            result.add(state != null ? state
                    : new SettingAtUse(setting.id(), defaultOn, false, null, defaultOn, setting.introduced(), sameDay));
        }
        return result;
    }

    /** A row the history did not use, found when the history was complete: its line and why. */
    public record Rejected(long line, String message) {
    }

    /**
     * Collects changes in file order; {@link #build()} sorts each member's by instant and rejects the
     * ones whose order is unknown. While collecting, a member's changes are held with their lines
     * (16 bytes a change) so that a rejected one can be named; the history keeps 8.
     */
    public static final class Builder {
        private final List<Setting> settings;
        private final Map<String, Integer> indexById = new HashMap<>();
        /** Per member, while collecting: {@code [count, change, line, change, line, ...]}, grown by half. */
        private final Map<String, long[]> byMember = new HashMap<>();
        private final List<Rejected> rejected = new ArrayList<>();
        private final long maxRows;
        private long rows;

        public Builder(List<Setting> settings, long maxRows) {
            this.settings = List.copyOf(settings);
            for (int i = 0; i < settings.size(); i++) {
                indexById.put(settings.get(i).id(), i);
            }
            this.maxRows = maxRows;
        }

        /** Null when the setting id is known; else why the row is refused. */
        public String check(String settingId) {
            Integer index = indexById.get(settingId);
            if (index != null) {
                return index < MAX_SETTINGS ? null
                        : "setting '" + settingId + "' is past the first " + MAX_SETTINGS + " settings of the scenario, which is all a history can hold";
            }
            return "unknown setting '" + settingId + "'; the scenario defines: "
                    + (settings.isEmpty() ? "no settings" : String.join(", ", settings.stream().map(Setting::id).toList()));
        }

        /**
         * Adds one change, read from {@code line}; false when the history is over its row limit. A
         * member's changes past {@link #MAX_CHANGES_PER_MEMBER} are refused, each a row error.
         */
        public boolean add(String member, String settingId, boolean on, ChangedAt changed, long line) throws RowException {
            long[] held = byMember.get(member);
            if (held != null && held[0] >= MAX_CHANGES_PER_MEMBER) {
                throw new RowException("member '" + member + "' has more than " + String.format(java.util.Locale.ROOT, "%,d",
                        MAX_CHANGES_PER_MEMBER) + " setting changes; the rest are not used");
            }
            if (++rows > maxRows) {
                return false;
            }
            long packed = pack(changed, indexById.get(settingId), on);
            if (held == null) {
                held = new long[3];
                byMember.put(member, held);
            } else if (held.length < 3 + 2 * held[0]) {
                held = Arrays.copyOf(held, (int) Math.min(Integer.MAX_VALUE - 8, 1 + 2 * (held[0] + (held[0] >> 1) + 1)));
                byMember.put(member, held);
            }
            int at = (int) (1 + 2 * held[0]);
            held[at] = packed;
            held[at + 1] = line;
            held[0]++;
            return true;
        }

        public long rows() {
            return Math.min(rows, maxRows) - rejected.size();
        }

        /** The rows {@link #build()} rejected, by line. */
        public List<Rejected> rejected() {
            return rejected;
        }

        public SettingsHistory build() {
            List<String> emptied = new ArrayList<>();
            byMember.replaceAll((member, held) -> {
                long[] kept = sortAndCheck(member, held);
                if (kept.length == 0) {
                    emptied.add(member);
                }
                return kept;
            });
            emptied.forEach(byMember::remove);
            rejected.sort(Comparator.comparingLong(Rejected::line));
            return new SettingsHistory(settings, byMember, rows());
        }

        /** One member's changes by instant, without those whose order is unknown (added to {@link #rejected}). */
        private long[] sortAndCheck(String member, long[] held) {
            int n = (int) held[0];
            long[] changes = new long[n];
            for (int i = 0; i < n; i++) {
                changes[i] = held[1 + 2 * i];
            }
            Arrays.sort(changes);
            if (n < 2) {
                return changes;
            }
            Map<Long, String> why = null;
            // The same setting, the same instant, both values: runs of equal (instant, setting, date only).
            for (int i = 0; i < n; ) {
                int j = i + 1;
                boolean mixed = false;
                while (j < n && changes[j] >>> 1 == changes[i] >>> 1) {
                    mixed |= on(changes[j]) != on(changes[i]);
                    j++;
                }
                if (mixed && !dateOnly(changes[i])) {
                    why = why == null ? new HashMap<>() : why;
                    for (int k = i; k < j; k++) {
                        why.put(changes[k], "member '" + member + "' set '" + settings.get(setting(changes[k])).id()
                                + "' both on and off at " + instant(changes[k]) + "; which came last is unknown, so neither is used");
                    }
                }
                i = j;
            }
            // A date alone cannot be ordered within its day: against a change of that setting that day to the other value.
            for (int i = 0; i < n; ) {
                long day = utcDay(changes[i]);
                int j = i;
                boolean anyDateOnly = false;
                while (j < n && utcDay(changes[j]) == day) {
                    anyDateOnly |= dateOnly(changes[j]);
                    j++;
                }
                if (anyDateOnly && j - i > 1) {
                    Set<Integer> seen = new HashSet<>();
                    for (int k = i; k < j; k++) {
                        int s = setting(changes[k]);
                        if (!dateOnly(changes[k]) || !seen.add(s)) {
                            continue;
                        }
                        boolean anyOn = false;
                        boolean anyOff = false;
                        for (int m = i; m < j; m++) {
                            if (setting(changes[m]) == s) {
                                anyOn |= on(changes[m]);
                                anyOff |= !on(changes[m]);
                            }
                        }
                        if (anyOn && anyOff) {
                            why = why == null ? new HashMap<>() : why;
                            for (int m = i; m < j; m++) {
                                if (setting(changes[m]) == s) {
                                    why.put(changes[m], "member '" + member + "' set '" + settings.get(s).id() + "' both on and off on "
                                            + date(changes[i])
                                            + " and a change given by its date alone cannot be ordered within the day; none of them is used");
                                }
                            }
                        }
                    }
                }
                i = j;
            }
            if (why == null) {
                return changes;
            }
            for (int i = 0; i < n; i++) {
                String reason = why.get(held[1 + 2 * i]);
                if (reason != null) {
                    rejected.add(new Rejected(held[2 + 2 * i], reason));
                }
            }
            long[] kept = new long[n];
            int size = 0;
            for (long c : changes) {
                if (!why.containsKey(c)) {
                    kept[size++] = c;
                }
            }
            return Arrays.copyOf(kept, size);
        }
    }
}
