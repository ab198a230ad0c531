package dev.covenant.engine;

import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The rule files of a pack, keyed by their path relative to the pack's root ({@code us/sca.drl}), with a
 * content hash that changes whenever any file's path or text does. A decision table ({@code *.drl.csv},
 * {@code *.drl.xlsx}) is read here too: {@code files} holds the DRL Drools generates from it, under the
 * table's own path, and {@code tables} what it takes to name the table's cells in diagnostics
 * ({@link DecisionTables}).
 */
public record RuleSources(Path root, Map<String, String> files, Map<String, DecisionTables.Table> tables) {

    public RuleSources {
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
        tables = java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
    }

    /** A pack of DRL files only. */
    public RuleSources(Path root, Map<String, String> files) {
        this(root, files, Map.of());
    }

    /**
     * The subdirectory of a pack that holds record rules ({@code covenant audit}); they judge single
     * data-use records, not scenarios, and form a pack of their own.
     */
    public static final String RECORDS = "records";

    /** True for a file a pack is made of: {@code *.drl}, or a decision table ({@code *.drl.csv}, {@code *.drl.xlsx}). */
    public static boolean isRuleFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        // Not an editor's or a spreadsheet's own files: Excel's lock file ~$x.drl.xlsx while a table is open, dotfiles.
        if (name.startsWith("~$") || name.startsWith(".")) {
            return false;
        }
        return name.endsWith(".drl") || DecisionTables.isTable(name);
    }

    /** Reads every rule file below {@code root}, recursively, except the record rules under {@code records/}. */
    public static RuleSources read(Path root) throws IOException {
        return read(root, true);
    }

    /** The record-rule pack of the pack at {@code root}: every rule file below {@code root/records}. */
    public static RuleSources readRecords(Path root) throws IOException {
        return read(root.resolve(RECORDS), false);
    }

    private static RuleSources read(Path root, boolean skipRecords) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new java.nio.file.NoSuchFileException(root.toString(), null, "rules directory not found");
        }
        Map<String, String> files = new TreeMap<>();
        Map<String, DecisionTables.Table> tables = new TreeMap<>();
        try {
            collect(root, root, skipRecords, files, tables);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new RuleSources(root, files, tables);
    }

    /**
     * The pack shipped inside the jar under {@code resource} (the build copies {@code rules/} to
     * {@code covenant-rules/}), read from a directory or from the jar itself.
     */
    public static RuleSources fromClasspath(String resource, ClassLoader loader) throws IOException {
        java.net.URL url = loader.getResource(resource);
        if (url == null) {
            throw new java.nio.file.NoSuchFileException("classpath:" + resource, null, "no rule pack on the classpath");
        }
        Map<String, String> files = new TreeMap<>();
        Map<String, DecisionTables.Table> tables = new TreeMap<>();
        Path display = Path.of("classpath:" + resource);
        try {
            java.net.URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(uri, Map.of())) {
                    collect(jar.getPath(resource), display, true, files, tables);
                }
            } else {
                collect(Path.of(uri), display, true, files, tables);
            }
        } catch (java.net.URISyntaxException e) {
            throw new IOException("cannot read the rule pack at " + url, e);
        }
        return new RuleSources(display, files, tables);
    }

    private static void collect(Path root, Path displayRoot, boolean skipRecords, Map<String, String> files,
            Map<String, DecisionTables.Table> tables) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(p -> isRuleFile(p) && Files.isRegularFile(p)).sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (skipRecords && relative.startsWith(RECORDS + "/")) {
                    continue;
                }
                if (DecisionTables.isTable(relative)) {
                    DecisionTables.Table table = DecisionTables.read(relative,
                            dev.covenant.scenario.ScenarioFiles.display(displayRoot.resolve(relative)), Files.readAllBytes(file));
                    tables.put(relative, table);
                    files.put(relative, table.drl());
                } else {
                    files.put(relative, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** How a rule file is named in diagnostics: the rules directory joined with its relative path. */
    public String display(String relative) {
        return dev.covenant.scenario.ScenarioFiles.display(root.resolve(relative));
    }

    /**
     * The name a file has in a Drools build: its own path for DRL; a table's generated DRL is {@code .drl}
     * too ({@code us/consent-uses.drl.csv.drl}), for Drools picks a resource's type by its name's ending.
     */
    static String drlName(String relative) {
        return DecisionTables.isTable(relative) ? relative + ".drl" : relative;
    }

    /** The problems found in the tables' cells and layout, before anything compiles. */
    public List<Diagnostic> tableDiagnostics() {
        List<Diagnostic> problems = new ArrayList<>();
        tables.values().forEach(t -> problems.addAll(t.problems()));
        return problems;
    }

    /** A place in a file's DRL as it is shown: {@code file:line:column}, or for a table the cell it came from. */
    public SourceSpan locate(String relative, int line, int column) {
        return locate(relative, line, column, null);
    }

    private SourceSpan locate(String relative, int line, int column, String message) {
        DecisionTables.Table table = tables.get(relative);
        return table == null ? SourceSpan.of(display(relative), line, column) : table.cellAt(display(relative), line, column, message);
    }

    /**
     * Diagnostics with every place in a table's generated DRL replaced by the table's cell: what the Drools
     * compiler or a DRL check reported at a generated line is shown at {@code file.drl.csv:C12}.
     */
    public List<Diagnostic> relocate(List<Diagnostic> diagnostics) {
        if (tables.isEmpty()) {
            return diagnostics;
        }
        Map<String, String> byDisplay = new TreeMap<>();
        tables.keySet().forEach(relative -> byDisplay.put(display(relative), relative));
        List<Diagnostic> relocated = new ArrayList<>(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            String relative = byDisplay.get(d.where().file());
            if (relative == null || d.where().isCell() || d.where().line() <= 0) {
                relocated.add(d);
            } else {
                relocated.add(new Diagnostic(locate(relative, d.where().line(), d.where().column(), d.message()), d.message(), d.level()));
            }
        }
        return relocated;
    }

    public String contentHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            files.forEach((path, text) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                DecisionTables.Table table = tables.get(path);
                if (table != null) {
                    // The table's own bytes as well: two tables that generate the same DRL may differ in their cells' checks.
                    digest.update(table.sha256().getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 0);
                }
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
