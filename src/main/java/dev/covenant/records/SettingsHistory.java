package dev.covenant.records;

import dev.covenant.model.Region;
import dev.covenant.model.Setting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Members' setting changes, held in memory in a compact form for the as-of join: per member one
 * sorted {@code long[]}, each change packed as (day, order in file, setting, value) in 8 bytes.
 * Memory is about 100 bytes per member plus 8 per change; {@link #DEFAULT_MAX_ROWS} bounds it and
 * a larger history is refused, not truncated.
 */
public final class SettingsHistory {

    /** 20 million changes: about 160 MB of changes plus the members' keys. */
    public static final long DEFAULT_MAX_ROWS = 20_000_000L;
    private static final long DAY_OFFSET = 1L << 30;

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

    /**
     * The scenario's settings that enable {@code use} where the member lives, each as it stood for
     * the member on {@code day}: the member's last change strictly before that day, else the default.
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
        List<SettingAtUse> result = new ArrayList<>(candidates.size());
        long before = (day.toEpochDay() + DAY_OFFSET) << 32;
        for (int index : candidates) {
            Setting setting = settings.get(index);
            if (!Region.withinAny(region, setting.regions())) {
                continue;
            }
            SettingAtUse state = null;
            if (changes != null) {
                for (int k = changes.length - 1; k >= 0; k--) {
                    long c = changes[k];
                    if (c >= before || (int) ((c >>> 1) & 0x7FFF) != index) {
                        continue;
                    }
                    LocalDate changed = LocalDate.ofEpochDay((c >>> 32) - DAY_OFFSET);
                    state = new SettingAtUse(setting.id(), (c & 1) == 1, true, changed, setting.defaultOn(), setting.introduced());
                    break;
                }
            }
            result.add(state != null ? state
                    : new SettingAtUse(setting.id(), setting.defaultOn(), false, null, setting.defaultOn(), setting.introduced()));
        }
        return result;
    }

    /** Collects changes in file order; {@link #build()} sorts them by day, keeping file order within a day. */
    public static final class Builder {
        private final List<Setting> settings;
        private final Map<String, Integer> indexById = new HashMap<>();
        private final Map<String, long[]> byMember = new HashMap<>();
        private final Map<String, Integer> counts = new HashMap<>();
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
            if (indexById.containsKey(settingId)) {
                return null;
            }
            return "unknown setting '" + settingId + "'; the scenario defines: "
                    + (settings.isEmpty() ? "no settings" : String.join(", ", settings.stream().map(Setting::id).toList()));
        }

        /** Adds one change; false when the history is over its row limit. */
        public boolean add(String member, String settingId, boolean on, LocalDate changed) {
            if (++rows > maxRows) {
                return false;
            }
            int seq = counts.merge(member, 1, Integer::sum) - 1;
            if (seq > 0xFFFF) {
                throw new IllegalStateException("member " + member + " has more than 65,536 setting changes");
            }
            long packed = ((changed.toEpochDay() + DAY_OFFSET) << 32) | ((long) seq << 16)
                    | ((long) indexById.get(settingId) << 1) | (on ? 1 : 0);
            long[] old = byMember.get(member);
            long[] grown = old == null ? new long[1] : Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = packed;
            byMember.put(member, grown);
            return true;
        }

        public long rows() {
            return Math.min(rows, maxRows);
        }

        public SettingsHistory build() {
            for (long[] changes : byMember.values()) {
                Arrays.sort(changes);
            }
            counts.clear();
            return new SettingsHistory(settings, byMember, rows());
        }
    }
}
