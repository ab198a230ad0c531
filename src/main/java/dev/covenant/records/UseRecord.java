package dev.covenant.records;

import dev.covenant.model.ChildrensData;
import dev.covenant.model.Consent;
import dev.covenant.model.ProcessorPurpose;
import dev.covenant.model.Region;
import dev.covenant.model.Relationship;
import dev.covenant.model.Sensitive;
import dev.covenant.model.StoredCommunications;
import dev.covenant.model.Taxonomy;
import java.time.LocalDate;
import java.util.List;

/**
 * One use of one data item, as logged by the platform (a data-use log or training manifest row),
 * joined with the member's settings as they stood on the use date. Record rules match these.
 *
 * @param purpose  what a processor recipient does with the data ({@code processor:host}); null otherwise
 * @param source   the file the row was read from, as shown in diagnostics
 * @param line     its line (1-based; for Parquet on Spark, the row number)
 * @param settings the scenario's settings that enable this use where the member lives, each with
 *                 the value in force when the use date began (the setting's default if the member had not changed it before then)
 */
public record UseRecord(
        String recordId,
        String memberId,
        String tier,
        String region,
        String category,
        LocalDate collected,
        String use,
        LocalDate used,
        String recipient,
        Relationship relationship,
        ProcessorPurpose purpose,
        String model,
        Integer memberAge,
        String source,
        long line,
        List<SettingAtUse> settings) {

    public UseRecord {
        settings = List.copyOf(settings);
    }

    /** True when the use is {@code key} or a narrower use under it. */
    public boolean hasUse(String key) {
        return Taxonomy.within(use, key);
    }

    /** True when the data category is {@code key} or a narrower category under it. */
    public boolean hasCategory(String key) {
        return Taxonomy.within(category, key);
    }

    /** True when the data category is sensitive under {@code law}'s definition on the use date ({@link Sensitive}). */
    public boolean sensitiveUnder(Sensitive law) {
        return law.includesOn(category, used);
    }

    public boolean inRegion(String container) {
        return Region.within(region, container);
    }

    /** True when the data went to someone other than the platform itself (affiliates, processors and addressees included). */
    public boolean sharedOutside() {
        return relationship != null && relationship.outsidePlatform();
    }

    /** True when giving the data to this record's recipient divulges it: {@link StoredCommunications#divulges}. */
    public boolean divulged() {
        return StoredCommunications.divulges(relationship, purpose);
    }

    /**
     * True when the data went to someone to whom giving a child's data is a disclosure ({@link ChildrensData}):
     * anyone but the platform and the processors that only host or deliver for it.
     */
    public boolean disclosedAsChildsData() {
        return ChildrensData.disclosedTo(relationship, purpose);
    }

    /**
     * Lawful consent to this use ({@link Consent}, the one reading the scenario rules share): given — a
     * setting that enables the use turned on by the member, or {@code claimed} as the legal basis of the
     * scenario's practice for this use — and not withdrawn by the member turning such a setting off.
     */
    public boolean consented(boolean claimed) {
        boolean affirmed = false;
        boolean withdrawn = false;
        for (SettingAtUse setting : settings) {
            affirmed |= setting.affirmative();
            withdrawn |= setting.optedOut();
        }
        return Consent.lawful(affirmed || claimed, withdrawn);
    }

    /** True when the member's age is known and below {@code years}. */
    public boolean youngerThan(int years) {
        return memberAge != null && memberAge < years;
    }

    /** The file and line the record was read from. */
    public String location() {
        return source + ":" + line;
    }
}
