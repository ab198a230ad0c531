package dev.covenant.cli;

import dev.covenant.source.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Where command output goes: standard output, or a file written atomically. */
final class Output {

    private Output() {
    }

    static void write(Path file, PrintWriter stdout, AtomicFile.Content content) throws IOException {
        if (file == null) {
            content.writeTo(stdout);
            stdout.flush();
        } else {
            AtomicFile.write(file, content);
        }
    }

    static void diagnostics(List<Diagnostic> diagnostics, PrintWriter err) {
        diagnostics.forEach(d -> err.println(dev.covenant.report.Inert.line(d.format())));
        err.flush();
    }
}
