package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.util.List;

/** The platform under review and the service classes it provides. */
public record Platform(String name, List<Service> services, SourceSpan span) implements Fact {

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
                + String.join(", ", services.stream().map(Service::key).toList()));
    }

    public boolean provides(Service service) {
        return services.contains(service);
    }
}
