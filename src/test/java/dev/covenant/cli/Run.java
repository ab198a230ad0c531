package dev.covenant.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line in this JVM, as a user would type it: its exit code and what it printed. */
public record Run(int code, String out, String err) {

    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }
}
