package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.util.List;

/**
 * The platform under review, the service classes it provides, and what it is under the FTC's Health Breach
 * Notification Rule ({@code healthRecords}; null: not stated, read as not bound).
 */
public record Platform(String name, List<Service> services, HealthRecords healthRecords, SourceSpan span) implements Fact {

    /** A platform that states nothing of health records. */
    public Platform(String name, List<Service> services, SourceSpan span) {
        this(name, services, null, span);
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
                + (healthRecords == null ? "" : "; " + healthRecords.describe());
    }

    /** True when the Health Breach Notification Rule binds the platform ({@link HealthRecords#bound}). */
    public boolean healthBreachRuleBinds() {
        return healthRecords != null && healthRecords.bound();
    }

    public boolean provides(Service service) {
        return services.contains(service);
    }
}
