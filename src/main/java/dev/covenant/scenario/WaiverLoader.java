package dev.covenant.scenario;

import dev.covenant.finding.Waiver;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a waivers file, as strictly as scenarios:
 * <pre>
 * waivers:
 *   - rule: OPT-OUT-DEFAULT
 *     scenario: "linkedin-*"
 *     justification: "Setting retired on 2025-03-01; remediation tracked in LEGAL-123"
 *     approver: "Jane Doe, Deputy GC"
 *     created: 2025-02-01
 *     expires: 2025-06-30
 * </pre>
 * Every key is required: a waiver without a justification, an approver or an expiry is invalid input.
 */
public final class WaiverLoader {

    private static final Set<String> TOP = Set.of("waivers");
    private static final Set<String> WAIVER = Set.of("rule", "scenario", "justification", "approver", "created", "expires");

    /** The waivers read, or the diagnostics that make the file invalid (then no waiver applies). */
    public record Result(List<Waiver> waivers, List<Diagnostic> diagnostics) {
    }

    private WaiverLoader() {
    }

    public static Result load(Path file) {
        String display = ScenarioFiles.display(file);
        try {
            // Checked before reading: a 3 GB "waivers" file must be a diagnostic, not an OutOfMemoryError.
            if (Files.size(file) > YamlTree.MAX_BYTES) {
                return new Result(List.of(), List.of(new Diagnostic(SourceSpan.of(display, 0, 0), "waivers file is "
                        + Files.size(file) + " bytes; waivers files are limited to " + YamlTree.MAX_BYTES + " bytes")));
            }
            return parse(Files.readAllBytes(file), display);
        } catch (IOException e) {
            return new Result(List.of(), List.of(new Diagnostic(SourceSpan.of(display, 0, 0), "cannot read waivers file: "
                    + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()))));
        }
    }

    public static Result parse(byte[] bytes, String display) {
        YamlTree.Result tree = YamlTree.read(display, bytes);
        List<Diagnostic> diagnostics = new ArrayList<>(tree.diagnostics());
        if (tree.root() == null) {
            return new Result(List.of(), diagnostics);
        }
        List<Waiver> waivers = new ArrayList<>();
        Fields.open(tree.root(), "", TOP, diagnostics).ifPresent(top -> {
            if (!top.has("waivers")) {
                top.report(top.span(), "missing required key 'waivers' (a list of waivers)");
            }
            for (Fields w : top.objects("waivers", WAIVER)) {
                Optional<String> rule = w.requiredString("rule");
                Optional<String> scenario = w.requiredString("scenario");
                Optional<String> justification = w.requiredString("justification");
                Optional<String> approver = w.requiredString("approver");
                Optional<LocalDate> created = w.requiredDate("created");
                Optional<LocalDate> expires = w.requiredDate("expires");
                if (created.isPresent() && expires.isPresent() && expires.get().isBefore(created.get())) {
                    w.report(w.spanOf("expires"), "'expires' (" + expires.get() + ") is before 'created' (" + created.get() + ") in " + w.path());
                    continue;
                }
                if (rule.isPresent() && scenario.isPresent() && justification.isPresent() && approver.isPresent()
                        && created.isPresent() && expires.isPresent()) {
                    waivers.add(new Waiver(rule.get(), scenario.get(), justification.get(), approver.get(), created.get(),
                            expires.get(), w.span()));
                }
            }
        });
        return diagnostics.isEmpty() ? new Result(List.copyOf(waivers), List.of()) : new Result(List.of(), diagnostics);
    }
}
