package dev.covenant.model;

/** Test-only: a model class that reaches up to the CLI, which ArchitectureTest must reject. */
public final class LayeringProbe {

    private LayeringProbe() {
    }

    public static int reachUp() {
        return dev.covenant.cli.Main.execute(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), "--version");
    }
}
