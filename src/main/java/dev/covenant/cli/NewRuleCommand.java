package dev.covenant.cli;

import dev.covenant.engine.RuleSources;
import dev.covenant.finding.Verdict;
import dev.covenant.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code covenant new rule ID --family FAMILY}: an obligation rule with its metadata to fill in, a fixture where
 * it fires and a near miss where it must not. The stub's conditions are real: it fires because the fixture's
 * practice does not rest on consent, and the near miss differs in that one fact, so {@code covenant test} passes
 * over the real engine from the start, and keeps passing only while the author's edits keep the two apart.
 */
@Command(name = "rule",
        mixinStandardHelpOptions = true,
        description = {"Writes rules/FAMILY/ID.drl (an obligation rule: metadata, conditions and consequence with TODOs),",
            "fixtures/FAMILY/ID.yaml where it fires and fixtures/FAMILY/ID-near-miss.yaml where it must not.",
            "`covenant validate` and `covenant test` pass on them as written. Existing files are never overwritten."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the rule and its fixtures were written",
            "2:invalid input: usage, an unknown family, an id that is not UPPER-KEBAB or is used, a file that exists"})
public final class NewRuleCommand implements Callable<Integer> {

    /** Rule ids as users write them in waivers and expect: blocks: upper-case words of letters and digits, joined by dashes. */
    private static final Pattern UPPER_KEBAB = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
    private static final Pattern ID = Pattern.compile("@id\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*rule\\s");
    /** Folders under rules/ that hold something other than obligation rules. */
    private static final Map<String, String> NOT_FAMILIES = Map.of(
            "classify", "rules/classify/ holds classification rules (@derive), which derive facts and report nothing",
            RuleSources.RECORDS, "rules/records/ holds the record rules of covenant audit, a pack of their own");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The rule's id, upper-case words joined by dashes, e.g. SCA-DISCLOSURE.")
    String id;

    @Option(names = "--family", required = true, paramLabel = "FAMILY",
            description = "The folder under --rules the rule belongs to (us, eu, contract, ...); its fixtures go in the same folder under --fixtures.")
    String family;

    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules", description = "The rule pack. Default: ${DEFAULT-VALUE}/")
    Path rules;

    @Option(names = "--fixtures", paramLabel = "DIR", defaultValue = "fixtures", description = "The fixtures. Default: ${DEFAULT-VALUE}/")
    Path fixtures;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        String problem = problem();
        if (problem != null) {
            err.println("covenant: " + problem);
            return Verdict.EXIT_INVALID;
        }
        String name = id.toLowerCase(Locale.ROOT);
        Path rule = rules.resolve(family).resolve(name + ".drl");
        Path fires = fixtures.resolve(family).resolve(name + ".yaml");
        Path nearMiss = fixtures.resolve(family).resolve(name + "-near-miss.yaml");
        // All or nothing: a rule without its fixtures (or the reverse) would be half a scaffold.
        List<Path> existing = Stream.of(rule, fires, nearMiss).filter(Files::exists).toList();
        if (!existing.isEmpty()) {
            err.println("covenant: " + String.join(", ", existing.stream().map(Path::toString).toList())
                    + " already exist" + (existing.size() == 1 ? "s" : "") + "; covenant new writes only new files, and wrote nothing");
            return Verdict.EXIT_INVALID;
        }
        String region = family.equals("eu") ? "EEA" : "US";
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                "ID", id,
                "id", name,
                "package", "rules." + family.replaceAll("[^A-Za-z0-9_]", "").toLowerCase(Locale.ROOT),
                "region", region,
                "cohortRegion", region.equals("EEA") ? "DE" : "US-NY",
                "cohort", region.equals("EEA") ? "members-eea" : "members-us",
                "practiceId", name + "-practice",
                "fires", fires.toString().replace('\\', '/'),
                "nearMiss", nearMiss.toString().replace('\\', '/')));
        // The fixtures' schema header: the schema of the checkout the pack is in (next to rules/), relative to where
        // the fixtures are written (--fixtures may be anywhere).
        Path schema = rules.toAbsolutePath().normalize().getParent().resolve(NewScenarioCommand.SCHEMA);
        values.put("schema", fires.toAbsolutePath().normalize().getParent().relativize(schema).toString().replace('\\', '/'));
        Files.createDirectories(fires.getParent());
        write(rule, Scaffold.fill("rule.drl", values));
        write(fires, Scaffold.fill("fires.yaml", values));
        write(nearMiss, Scaffold.fill("near-miss.yaml", values));
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + rule + "  (rule " + id + ", package " + values.get("package") + ")");
        out.println("wrote " + fires + "  (" + id + " fires)");
        out.println("wrote " + nearMiss + "  (near miss: " + id + " must not fire)");
        out.println();
        out.println("Next:");
        out.println("  1. Edit " + rule + ": replace each TODO — the metadata, the citation in @reference, and the");
        out.println("     conditions (then remove the test of the practice's id, which keeps the stub to its own fixtures).");
        out.println("  2. Edit the fixtures: " + fires.getFileName() + " holds the conduct the obligation forbids, "
                + nearMiss.getFileName() + " the same but for the one fact that excuses it.");
        String where = (rules.equals(Path.of("rules")) ? "" : " --rules " + rules)
                + (fixtures.equals(Path.of("fixtures")) ? "" : " " + fixtures);
        out.println("  3. covenant validate" + where + "    (the rule compiles; its metadata and both fixtures are well-formed)");
        out.println("  4. covenant test" + where + "        (every fixture: once written, the rule may fire on others too)");
        return Verdict.EXIT_CLEAN;
    }

    /** Why the command cannot write these files, or null. */
    private String problem() throws IOException {
        if (!UPPER_KEBAB.matcher(id).matches()) {
            String upper = id.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
            return "'" + id + "' is not a rule id: upper-case words of letters and digits joined by dashes, like SCA-DISCLOSURE"
                    + (UPPER_KEBAB.matcher(upper).matches() ? " (did you mean '" + upper + "'?)" : "");
        }
        if (!Files.isDirectory(rules)) {
            return "no rule pack at " + rules + " (--rules DIR)";
        }
        List<String> families = families();
        if (NOT_FAMILIES.containsKey(family)) {
            return "--family " + family + ": " + NOT_FAMILIES.get(family) + "; covenant new rule writes obligation rules, in one of: "
                    + String.join(", ", families);
        }
        if (!families.contains(family)) {
            return "unknown family '" + family + "'" + ScenarioLoader.suggestion(family, families) + "; the families are the folders under "
                    + rules + "/: " + String.join(", ", families);
        }
        String used = usedBy(id);
        if (used != null) {
            return "rule id " + id + " is already used by the rule at " + used + "; ids are unique in the pack, choose another";
        }
        return null;
    }

    private List<String> families() throws IOException {
        try (Stream<Path> dirs = Files.list(rules)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !NOT_FAMILIES.containsKey(n) && !n.startsWith(".")).sorted().toList();
        }
    }

    /** Where a rule with this {@code @id} is declared (file:line:column of its {@code rule} line), in the scenario or the record pack; null if none. */
    private String usedBy(String wanted) throws IOException {
        List<RuleSources> packs = new ArrayList<>(List.of(RuleSources.read(rules)));
        if (Files.isDirectory(rules.resolve(RuleSources.RECORDS))) {
            packs.add(RuleSources.readRecords(rules));
        }
        for (RuleSources pack : packs) {
            for (Map.Entry<String, String> file : pack.files().entrySet()) {
                String text = file.getValue();
                Matcher m = ID.matcher(text);
                while (m.find()) {
                    if (m.group(1).strip().equals(wanted)) {
                        String[] at = declaredAt(text, m.start()).split(":");
                        // A table's rule is named by its cell (rules/us/consent-uses.drl.csv:A9), not its generated DRL line.
                        return pack.locate(file.getKey(), Integer.parseInt(at[0]), Integer.parseInt(at[1])).location();
                    }
                }
            }
        }
        return null;
    }

    /** The line and column of the last {@code rule} declaration before {@code offset} (the annotation's own line if none). */
    private static String declaredAt(String text, int offset) {
        Matcher rule = RULE.matcher(text);
        int at = -1;
        while (rule.find() && rule.start() < offset) {
            at = rule.start();
        }
        int from = at < 0 ? offset : at;
        while (at >= 0 && Character.isWhitespace(text.charAt(from)) && text.charAt(from) != '\n') {
            from++;
        }
        int line = 1;
        for (int i = 0; i < from; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        int column = from - (text.lastIndexOf('\n', from - 1) + 1) + 1;
        return line + ":" + column;
    }

    private static void write(Path file, String text) throws IOException {
        // CREATE_NEW: a file that appeared since the check above is still not overwritten.
        Files.writeString(file, text, java.nio.file.StandardOpenOption.CREATE_NEW);
    }
}
