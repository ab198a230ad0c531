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
            "so that every rule fires in some.",
            "With --records N instead: a data-use log (uses.csv), a settings history (settings-history.csv) and",
            "their context scenario (scenario.yaml) for covenant audit, so that every record rule fires on some records."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:usage error or the files could not be written"})
public final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--count", paramLabel = "N", description = "How many scenarios.")
    long count;

    @Option(names = "--records", paramLabel = "N", description = "How many data-use records (instead of scenarios).")
    long records;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into (created).")
    Path out;

    @Override
    public Integer call() throws IOException {
        if ((count > 0) == (records > 0) || count < 0 || records < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give one of --count N (scenarios) or --records N, positive");
        }
        if (records > 0) {
            return writeRecords();
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

    private int writeRecords() throws IOException {
        dev.covenant.generate.RecordGenerator generator = dev.covenant.generate.RecordGenerator.write(out, seed, records);
        spec.commandLine().getErr().printf(Locale.ROOT, "covenant: wrote %,d records of %,d members, their settings history and scenario to %s%n",
                records, generator.members(), out);
        return 0;
    }
}
