package dev.covenant.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.covenant.finding.ReviewNotes;
import dev.covenant.scenario.ScenarioFiles;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The findings of a previous, approved JSON report, by fingerprint. */
public record Baseline(Map<String, ReviewNotes.FixedFinding> findings) {

    /** A baseline is read whole into memory: 256 MiB of JSON is far beyond one review's findings. */
    public static final long MAX_BYTES = 256L * 1024 * 1024;

    /** A baseline read, or the diagnostic that kept it from being one. */
    public record Result(Baseline baseline, List<Diagnostic> diagnostics) {
    }

    public static Result load(Path file) {
        String display = ScenarioFiles.display(file);
        JsonNode root;
        try {
            if (java.nio.file.Files.isRegularFile(file) && java.nio.file.Files.size(file) > MAX_BYTES) {
                return invalid(display, "the file is " + java.nio.file.Files.size(file) + " bytes; baselines are limited to "
                        + MAX_BYTES + " bytes (a baseline holds the findings of one review's run, not of every scenario ever)");
            }
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            return invalid(display, e instanceof java.io.FileNotFoundException || e instanceof java.nio.file.NoSuchFileException
                    ? "no such file" : "not a JSON report: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.has("schemaVersion") || !root.path("scenarios").isArray()) {
            return invalid(display, "not a covenant JSON report (no schemaVersion or scenarios); write one with --write-baseline");
        }
        String version = root.path("schemaVersion").asText();
        String major = dev.covenant.report.JsonRenderer.SCHEMA_VERSION.split("\\.")[0];
        if (!version.equals(major) && !version.startsWith(major + ".")) {
            return invalid(display, "schemaVersion " + version + " is not one this version reads (" + major
                    + ".x); write the baseline again with --write-baseline");
        }
        Map<String, ReviewNotes.FixedFinding> findings = new LinkedHashMap<>();
        for (JsonNode scenario : root.get("scenarios")) {
            for (JsonNode finding : scenario.path("findings")) {
                String fingerprint = finding.path("fingerprint").asText("");
                if (fingerprint.isEmpty()) {
                    return invalid(display, "a finding of scenario " + scenario.path("scenario").asText() + " has no fingerprint;"
                            + " write the baseline with this version's --write-baseline");
                }
                findings.put(fingerprint, new ReviewNotes.FixedFinding(fingerprint, finding.path("ruleId").asText(),
                        scenario.path("scenario").asText(), finding.path("message").asText()));
            }
        }
        return new Result(new Baseline(findings), List.of());
    }

    private static Result invalid(String file, String message) {
        return new Result(null, List.of(new Diagnostic(SourceSpan.of(file, 0, 0), "baseline: " + message)));
    }
}
