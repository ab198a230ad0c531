package dev.covenant.cli;

import dev.covenant.source.Version;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code covenant} command. */
@Command(name = "covenant",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Checks what a platform did against what it promised and published.",
        subcommands = {CheckCommand.class, TestCommand.class, ValidateCommand.class, ExplainCommand.class, RulesCommand.class,
            ServeCommand.class, GenerateCommand.class, AuditCommand.class, NewCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no finding at or above --fail-on",
            "1:findings at or above --fail-on",
            "2:invalid input: usage, scenario or rule diagnostics, evaluation errors"})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Set just before this program exits by itself; an exit that finds it unset came from somewhere else. */
    private static volatile boolean exiting;

    public static void main(String[] args) {
        Logging.configure(args);
        if (args.length == 0 || !args[0].equals("serve")) {
            // A rule consequence calling System.exit(0) would otherwise end the run with 0 and no output, and a CI
            // gate would pass. The service is left out: it shuts down gracefully on SIGTERM with evaluations in flight.
            Runtime.getRuntime().addShutdownHook(new Thread(Main::exitDuringEvaluation, "covenant-exit-guard"));
        }
        int code = run(args);
        exiting = true;
        System.exit(code);
    }

    private static void exitDuringEvaluation() {
        String rule = dev.covenant.engine.GuardedSession.firingNow();
        if (!exiting && rule != null) {
            System.err.println("covenant: the JVM was told to exit while rule '" + rule + "' was firing (System.exit in a consequence,"
                    + " or a signal); nothing was reported; exit status 2");
            System.err.flush();
            Runtime.getRuntime().halt(2);
        }
    }

    /** Runs the command line on standard output and error and returns the exit code. */
    public static int run(String... args) {
        // Citations carry "§" and names may carry any script: always write UTF-8.
        // Standard output straight from its file descriptor: System.out is a PrintStream that would swallow
        // a write error (a full disk) before execute() could see it.
        java.io.OutputStream stdout = new java.io.FileOutputStream(java.io.FileDescriptor.out);
        return execute(new PrintWriter(new OutputStreamWriter(new java.io.BufferedOutputStream(stdout, 1 << 16), StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true), args);
    }

    /** Runs the command line with the given streams, without exiting the JVM (for tests and embedding). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        int code;
        try {
            code = cli.execute(args);
        } catch (Error e) {
            // An Error (out of memory, a stack overflow in a rule) must not leave the JVM's exit 1, which reads as "findings".
            err.println("covenant: fatal: " + e);
            code = 2;
        }
        out.flush();
        // PrintWriter swallows write errors; a report that did not reach its reader (a full disk, a closed
        // pipe) must not pass for a run whose findings were seen.
        if (out.checkError()) {
            err.println("covenant: cannot write standard output (the disk is full, or its reader went away)");
            code = 2;
        }
        err.flush();
        return code;
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setDefaultValueProvider(new Defaults());
        cli.setExitCodeExceptionMapper(e -> 2);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("covenant: " + ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
                // picocli offers the nearest subcommands and options for a misspelt word.
                ex.getCommandLine().getErr().println("Did you mean: " + String.join(" or ", unmatched.getSuggestions()) + "?");
            }
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            if (ex instanceof AtomicFile.OutputException) {
                c.getErr().println("covenant: " + ex.getMessage());
                return 2;
            }
            c.getErr().println("covenant: internal error: " + ex);
            if (Logging.verbose()) {
                ex.printStackTrace(c.getErr());
            }
            return 2;
        });
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try 'covenant check'");
    }

    /** Reports the version from the jar manifest. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"covenant " + Version.current()};
        }
    }
}
