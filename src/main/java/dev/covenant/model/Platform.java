package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.util.List;

/**
 * The platform under review and the service classes it provides; {@code limitSensitive} is the choice it offers
 * California consumers to limit the use of their sensitive personal information, null when none is stated;
 * {@code healthRecords} what it is under the FTC's Health Breach Notification Rule (null: not stated, read as not bound).
 */
public record Platform(String name, List<Service> services, LimitSensitive limitSensitive, HealthRecords healthRecords,
        SourceSpan span) implements Fact {

    /** A platform that states neither a way to limit sensitive data nor health records. */
    public Platform(String name, List<Service> services, SourceSpan span) {
        this(name, services, null, null, span);
    }

    public Platform {
        services = List.copyOf(services);
    }

    /** The subsections of 18 U.S.C. § 2702(a) that bind the platform, as citations ({@link StoredCommunications#barsOn}). */
    public List<String> storedCommunicationsBars() {
        return StoredCommunications.barsOn(this);
    }

    @Override
    public String id() {
        return name;
    }

    @Override
    public FactKind factKind() {
        return FactKind.PLATFORM;
    }

    @Override
    public String describe() {
        return "platform " + name + (services.isEmpty() ? "" : "; services: "
                + String.join(", ", services.stream().map(Service::key).toList()))
                + (limitSensitive == null ? "" : "; " + limitSensitive)
                + (healthRecords == null ? "" : "; " + healthRecords.describe());
    }

    /**
     * The days of {@code conduct} on which no way to limit the use of sensitive personal information was offered:
     * all of it when none is stated, the days before {@code limitSensitive.since} otherwise; empty when it was offered
     * throughout.
     */
    public List<Period> withoutLimitSensitive(Period conduct) {
        if (limitSensitive == null) {
            return List.of(conduct);
        }
        if (limitSensitive.offeredOn(conduct.from())) {
            return List.of();
        }
        java.time.LocalDate lastWithout = limitSensitive.since().minusDays(1);
        return List.of(new Period(conduct.from(), conduct.to() == null || conduct.to().isAfter(lastWithout) ? lastWithout : conduct.to()));
    }

    /** True when a way to limit the use of sensitive personal information was offered on every day of {@code conduct}. */
    public boolean offersLimitSensitiveThroughout(Period conduct) {
        return withoutLimitSensitive(conduct).isEmpty();
    }

    /** True when the Health Breach Notification Rule binds the platform ({@link HealthRecords#bound}). */
    public boolean healthBreachRuleBinds() {
        return healthRecords != null && healthRecords.bound();
    }

    public boolean provides(Service service) {
        return services.contains(service);
    }
}
