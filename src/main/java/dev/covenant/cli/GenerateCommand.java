package dev.covenant.cli;

import dev.covenant.generate.ScenarioGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code covenant generate}: deterministic synthetic scenarios, for benchmarks and load tests. */
@Command(name = "generate",
        mixinStandardHelpOptions = true,
        description = {"Writes generated scenarios for benchmarks and load tests; the same seed gives the same files.",
            "Varied cohorts, policy versions, settings, promises, practices and models, 1,000 per subdirectory,",
            "so that every rule fires in some."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:usage error or the files could not be written"})
public final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many scenarios.")
    long count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into (created).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (count < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--count must be positive");
        }
        ScenarioGenerator generator = new ScenarioGenerator(seed);
        for (long i = 0; i < count; i++) {
            Path dir = out.resolve(String.format(Locale.ROOT, "%04d", i / 1000));
            if (i % 1000 == 0) {
                Files.createDirectories(dir);
            }
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "scenario-%07d.yaml", i)), generator.scenario(i), StandardCharsets.UTF_8);
        }
        spec.commandLine().getErr().println("covenant: wrote " + count + " scenario(s) to " + out);
        return 0;
    }
}
