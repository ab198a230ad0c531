package dev.covenant.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The part of the SARIF 2.1.0 object model covenant writes, as records serialised by Jackson (after
 * PMD's {@code SarifLog}). Names follow the specification; an absent (null) property is left out, as
 * SARIF prefers, while an empty list is written. {@code SarifSchemaTest} validates the output against
 * the vendored schema.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SarifLog(@JsonProperty("$schema") String schema, String version, List<Run> runs) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Run(Tool tool, Map<String, UriBase> originalUriBaseIds, List<Invocation> invocations, List<Result> results) {
    }

    public record Tool(Driver driver) {
    }

    public record Driver(String name, String semanticVersion, String version, List<ReportingDescriptor> rules) {
    }

    /** A rule's metadata ({@code tool.driver.rules[]}). */
    public record ReportingDescriptor(String id, String name, Message shortDescription, Message fullDescription,
            MultiformatMessage help, Configuration defaultConfiguration, RuleProperties properties) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleProperties(String severity, String basis, List<String> citations, List<String> tags, String effective,
            String expires) {
    }

    public record Configuration(String level) {
    }

    public record Message(String text) {
    }

    public record MultiformatMessage(String text, String markdown) {
    }

    public record UriBase(Message description) {
    }

    public record Invocation(boolean executionSuccessful, List<Notification> toolConfigurationNotifications,
            List<Notification> toolExecutionNotifications) {
    }

    public record Notification(String level, Message message, List<Location> locations) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(Integer id, PhysicalLocation physicalLocation, Message message) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ArtifactLocation(String uri, String uriBaseId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Region(Integer startLine, Integer startColumn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(String ruleId, Integer ruleIndex, String level, Message message, List<Location> locations,
            List<Location> relatedLocations, String baselineState, List<Suppression> suppressions,
            Map<String, String> partialFingerprints, ResultProperties properties) {
    }

    public record Suppression(String kind, String status, String justification) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResultProperties(String severity, String scenario, List<String> citations, JsonExposure exposure,
            List<String> restsOn) {
    }
}
