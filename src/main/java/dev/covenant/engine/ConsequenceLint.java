package dev.covenant.engine;

import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses consequences that reach outside their session: a rule that calls {@code System.exit} ends a
 * CI gate with exit 0 and no output; one that starts processes or touches files is no obligation. Such
 * a call is a diagnostic at its line and column, so {@code validate} (and every command) names it before
 * anything is evaluated. A text check of the {@code then} blocks: it catches what a rule author writes,
 * and the CLI's exit guard catches what it misses (reflection).
 */
final class ConsequenceLint {

    private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\b");
    private static final Pattern END = Pattern.compile("(?m)^\\s*end\\b");
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\bSystem\\s*\\.\\s*(exit|halt|setOut|setErr|setIn)\\b|\\bRuntime\\s*\\.|\\bProcessBuilder\\b|\\bProcessHandle\\b"
                    + "|\\bjava\\s*\\.\\s*io\\s*\\.\\s*File|\\bjava\\s*\\.\\s*nio\\s*\\.\\s*file\\b|\\bFiles\\s*\\.|\\bFile(Writer|Reader|OutputStream|InputStream)\\b"
                    + "|\\bRandomAccessFile\\b");

    private ConsequenceLint() {
    }

    static List<Diagnostic> check(RuleSources sources) {
        List<Diagnostic> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : sources.files().entrySet()) {
            String text = withoutComments(file.getValue());
            Matcher then = THEN.matcher(text);
            int from = 0;
            while (then.find(from)) {
                Matcher end = END.matcher(text);
                int stop = end.find(then.end()) ? end.start() : text.length();
                Matcher call = FORBIDDEN.matcher(text).region(then.end(), stop);
                while (call.find()) {
                    problems.add(new Diagnostic(SourceSpan.atOffset(sources.display(file.getKey()), text, call.start()), "a consequence calls '"
                            + call.group().replaceAll("\\s+", "") + "': rules may only report findings and insert facts, never end the"
                            + " program, start processes or touch files"));
                }
                from = stop;
            }
        }
        return problems;
    }

    /** Comments blanked out (kept as spaces, so lines and columns stay where they were). */
    static String withoutComments(String text) {
        StringBuilder s = new StringBuilder(text);
        Matcher m = Pattern.compile("//[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL).matcher(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (s.charAt(i) != '\n') {
                    s.setCharAt(i, ' ');
                }
            }
        }
        return s.toString();
    }
}
