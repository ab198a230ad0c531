package dev.covenant.model;

import dev.covenant.source.SourceSpan;
import java.util.List;

/** The platform under review and the service classes it provides. */
public record Platform(String name, List<Service> services, SourceSpan span) implements Fact {

    public Platform {
        services = List.copyOf(services);
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
