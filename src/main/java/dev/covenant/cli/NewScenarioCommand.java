package dev.covenant.cli;

import dev.covenant.finding.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code covenant new scenario [PATH]}: a skeleton with every section of docs/scenario-format.md, each
 * commented, and the schema header editors read; {@code covenant validate} accepts it as written.
 */
@Command(name = "scenario",
        mixinStandardHelpOptions = true,
        description = {"Writes a documented skeleton scenario to PATH (a new *.yaml or *.yml file), or to standard output.",
            "It holds every section of docs/scenario-format.md, commented, and the header that lets editors",
            "validate it against schema/scenario.schema.json; `covenant validate` accepts it as written."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the skeleton was written", "2:invalid input: usage, a PATH that exists or is not *.yaml / *.yml"})
public final class NewScenarioCommand implements Callable<Integer> {

    /** Where the schema is in a checkout, relative to the directory covenant runs in (as rules/ and fixtures/ are). */
    static final Path SCHEMA = Path.of("schema", "scenario.schema.json");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "The file to write. Default: standard output.")
    Path path;

    @Override
    public Integer call() throws IOException {
        if (path == null) {
            spec.commandLine().getOut().print(skeleton("new-scenario", SCHEMA.toString().replace('\\', '/')));
            return Verdict.EXIT_CLEAN;
        }
        String file = path.getFileName().toString();
        if (!file.endsWith(".yaml") && !file.endsWith(".yml")) {
            return refuse(path + " is not a *.yaml or *.yml file; covenant reads scenarios only from those");
        }
        if (Files.exists(path)) {
            return refuse(path + " already exists; covenant new writes only new files");
        }
        Path dir = path.toAbsolutePath().normalize().getParent();
        String schema = dir.relativize(SCHEMA.toAbsolutePath().normalize()).toString().replace('\\', '/');
        Files.createDirectories(dir);
        Files.writeString(path, skeleton(file.substring(0, file.lastIndexOf('.')), schema), java.nio.file.StandardOpenOption.CREATE_NEW);
        var out = spec.commandLine().getOut();
        out.println("wrote " + path + "  (scenario " + file.substring(0, file.lastIndexOf('.')) + ")");
        out.println();
        out.println("Next: replace its TODOs with the case's facts (docs/scenario-format.md has every key), then");
        out.println("  covenant validate " + path + "    (every key, value and reference checked)");
        out.println("  covenant check " + path + "       (the findings)");
        return Verdict.EXIT_CLEAN;
    }

    private static String skeleton(String id, String schema) {
        return Scaffold.fill("scenario.yaml", Map.of("id", id, "schema", schema, "asOf", LocalDate.now().toString()));
    }

    private int refuse(String problem) {
        spec.commandLine().getErr().println("covenant: " + problem);
        return Verdict.EXIT_INVALID;
    }
}
