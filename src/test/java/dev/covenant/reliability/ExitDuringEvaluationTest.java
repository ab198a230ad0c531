package dev.covenant.reliability;

import static dev.covenant.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.covenant.TestFiles;
import dev.covenant.cli.Main;
import dev.covenant.cli.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule that ends the program must not pass a CI gate: {@code System.exit} (and process or file calls) in a
 * consequence is refused when the pack compiles, and an exit that slips past that check (through
 * reflection) ends the run with status 2 and the rule's name, not 0.
 */
class ExitDuringEvaluationTest {

    @TempDir
    Path dir;

    private static final String RULE = """
            package rules.us;

            import dev.covenant.model.Practice;

            rule "EXIT-GATE: ends the program"
                @id("EXIT-GATE")
                @title("Ends the program")
                @severity("low")
                @basis("statute")
                @reference("[US] test")
            when
                Practice()
            then
                %s
            end
            """;

    @Test
    void validate_names_a_consequence_that_calls_system_exit_at_its_line_and_column() throws Exception {
        Path rules = TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        Files.writeString(rules.resolve("us/exit.drl"), RULE.formatted("System.exit(0);"));

        Run validate = run("validate", "--rules", rules.toString(), "fixtures/us");
        assertThat(validate.code()).isEqualTo(2);
        assertThat(validate.out()).contains(rules.resolve("us/exit.drl") + ":14:5: error: a consequence calls 'System.exit':");
        assertThat(run("check", "--rules", rules.toString(), "fixtures/us").code()).as("check refuses the pack too").isEqualTo(2);
    }

    @Test
    void an_exit_through_reflection_during_evaluation_ends_with_status_2_naming_the_rule() throws Exception {
        Path rules = TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        Files.writeString(rules.resolve("us/exit.drl"), RULE.formatted(
                "Class.forName(\"java.lang.Sys\" + \"tem\").getMethod(\"exit\", int.class).invoke(null, 0);"));

        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-Dcovenant.cache=off", Main.class.getName(), "check", "--rules", rules.toString(),
                "fixtures/us/children-training.yaml");
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as("not 0: the run reported nothing").isEqualTo(2);
        assertThat(err).contains("the JVM was told to exit while rule 'EXIT-GATE: ends the program' was firing");
    }
}
