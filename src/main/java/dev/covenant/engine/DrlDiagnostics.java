package dev.covenant.engine;

import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Drools' compile errors made into diagnostics a rule author can act on: each at its file, line and
 * column; the root cause first, with the errors it causes folded under it (an unknown fact type leaves
 * its binding unbound, and every use of the binding fails again); a did-you-mean for fact types (from
 * the pack's imports and the model and classify classes) and for fields and methods (from the fact
 * class, by reflection); a missing {@code end} or {@code )} named as such where it is missing. Also the
 * check Drools leaves to evaluation: classic mode compiles each constraint with MVEL's strict typing
 * only when it is first evaluated, so a constraint comparing a date to a string compiles, and then
 * fails every scenario. {@link #constraintTypes} compiles every constraint now, as evaluation would.
 */
final class DrlDiagnostics {

    private static final Pattern LINE_COLUMN = Pattern.compile("\\[?\\s*[Ll]ine\\s+(\\d+):(\\d+)\\]?");
    private static final Pattern ERROR_CODE = Pattern.compile("^\\[ERR \\d+\\]\\s*");
    private static final Pattern RULE_NAME = Pattern.compile("\\[Rule name='(.*)'\\]");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '([\\w.$]+)'");
    private static final Pattern UNRESOLVED_MEMBER =
            Pattern.compile("unable to resolve method using strict-mode: ([\\w.$]+)\\.([\\w$]+)\\(([^)]*)\\)");
    private static final Pattern ANALYSED = Pattern.compile("Unable to Analyse Expression (.*?):\\s*$", Pattern.MULTILINE);
    private static final Pattern PARSE_ERROR =
            Pattern.compile("(?:mismatched input|no viable alternative at input|extraneous input) '([^']*)' in rule \"([^\"]*)\"");
    private static final Pattern MISMATCHED_IN_RULE = Pattern.compile("mismatched input '(end|<eof>|rule)' in rule \"([^\"]*)\"");
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*(rule|query)\\s+(\"[^\"]*\"|\\S+)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?!function\\s|static\\s|accumulate\\s)([\\w.$]+)\\s*;?");
    /** The packages whose classes are the facts a rule may match, besides what a pack imports. */
    private static final List<String> FACT_PACKAGES = List.of("dev.covenant.model", "dev.covenant.classify");
    private static final Set<String> OBJECT_METHODS = Set.of("getClass", "hashCode", "toString", "equals", "notify", "notifyAll", "wait");

    private DrlDiagnostics() {
    }

    /** One Drools message, read: where it is, its cleaned text, and the rule it names. */
    private record Raw(String relative, String file, int line, int column, String text, String rule) {
    }

    /**
     * Drools' messages, cleaned: the rules-relative path, the line, the column (from the text when the
     * API gives 0), one line of message, no "Parser returned a null Package" echo, and causes first.
     */
    static List<Diagnostic> compileErrors(RuleSources sources, List<Message> messages) {
        List<Raw> raws = new ArrayList<>();
        for (Message message : messages) {
            String text = message.getText() == null ? "" : message.getText();
            if (text.contains("Parser returned a null Package")) {
                continue;
            }
            String relative = RuleBase.relative(sources, message.getPath() == null ? "" : message.getPath());
            String file = relative.isEmpty() ? sources.display("") : sources.display(relative);
            int line = Math.max(message.getLine(), 0);
            int column = Math.max(message.getColumn(), 0);
            Matcher lc = LINE_COLUMN.matcher(text);
            if (lc.find()) {
                if (line <= 0) {
                    line = Integer.parseInt(lc.group(1));
                }
                if (column <= 0) {
                    column = Integer.parseInt(lc.group(2)) + 1; // Drools counts columns from 0
                }
            }
            Matcher rule = RULE_NAME.matcher(text);
            String drl = sources.files().get(relative);
            raws.add(new Raw(relative, file, line, column, text, rule.find() ? rule.group(1) : ruleAt(drl, line, text)));
        }
        Set<Diagnostic> errors = new LinkedHashSet<>();
        Set<Raw> folded = new java.util.HashSet<>();
        for (Raw raw : raws) {
            Matcher unknown = UNKNOWN_TYPE.matcher(raw.text());
            if (unknown.find()) {
                errors.add(unknownType(sources, raw, unknown.group(1), raws, folded));
            }
        }
        for (Raw raw : raws) {
            Matcher duplicate = DUPLICATE_NAME.matcher(raw.text());
            if (!folded.contains(raw) && duplicate.find()) {
                Diagnostic named = duplicateName(sources, raw, duplicate.group(1).strip(), raws, folded);
                if (named != null) {
                    errors.add(named);
                    folded.add(raw);
                }
            }
        }
        for (Raw raw : raws) {
            if (folded.contains(raw) || UNKNOWN_TYPE.matcher(raw.text()).find()) {
                continue;
            }
            errors.add(diagnostic(sources, raw));
        }
        return new ArrayList<>(errors);
    }

    private static Diagnostic diagnostic(RuleSources sources, Raw raw) {
        String drl = sources.files().get(raw.relative());
        Diagnostic missingEnd = missingEnd(drl, raw.file(), raw.text());
        if (missingEnd != null) {
            return missingEnd;
        }
        Diagnostic missingParen = missingParen(drl, raw);
        if (missingParen != null) {
            return missingParen;
        }
        Matcher member = UNRESOLVED_MEMBER.matcher(raw.text());
        if (member.find() && !member.group(2).startsWith("$")) {
            return unknownMember(drl, raw, member);
        }
        return new Diagnostic(SourceSpan.of(raw.file(), raw.line(), raw.column()), clean(raw.text()));
    }

    // ---- unknown fact types, and what follows from them

    /**
     * An unknown type in a pattern: at the type's name, with the nearest known type, and the errors in
     * the same rule that mention the pattern's binding (its uses, now unbound) folded under it.
     */
    private static Diagnostic unknownType(RuleSources sources, Raw raw, String type, List<Raw> raws, Set<Raw> folded) {
        String drl = sources.files().get(raw.relative());
        String[] lines = drl == null ? new String[0] : drl.split("\n", -1);
        int line = raw.line();
        int column = 0;
        String binding = null;
        Pattern use = Pattern.compile("(?:(\\$[\\w$]+)\\s*:\\s*)?(?<![\\w.$])" + Pattern.quote(type) + "\\s*\\(");
        int from = line > 0 && line <= lines.length ? line - 1 : Math.max(0, ruleLine(lines, raw.rule()));
        for (int i = from; i < lines.length && column == 0; i++) {
            Matcher m = use.matcher(lines[i]);
            if (m.find()) {
                line = i + 1;
                column = m.start() + (m.group(1) == null ? 0 : m.group(0).indexOf(type, m.group(1).length())) + 1;
                binding = m.group(1);
            }
        }
        Map<String, String> known = knownTypes(sources);
        String simple = type.substring(type.lastIndexOf('.') + 1);
        String nearest = dev.covenant.scenario.Suggestions.nearest(simple, known.keySet());
        String hint = "";
        if (nearest != null) {
            String fqcn = known.get(nearest);
            boolean imported = drl != null && Pattern.compile("(?m)^\\s*import\\s+" + Pattern.quote(fqcn) + "\\s*;?\\s*$").matcher(drl).find();
            hint = nearest.equals(simple) ? " (not imported here: add 'import " + fqcn + ";')"
                    : " (did you mean '" + nearest + "'?" + (imported ? "" : " add 'import " + fqcn + ";'") + ")";
        } else {
            hint = "; no class of that name is imported or among the model and classify facts: import its class";
        }
        int follow = 0;
        if (binding != null) {
            Pattern mention = Pattern.compile("(?<![\\w$])" + Pattern.quote(binding) + "(?![\\w$])");
            for (Raw other : raws) {
                if (other != raw && other.relative().equals(raw.relative()) && raw.rule() != null
                        && raw.rule().equals(other.rule()) && mention.matcher(other.text()).find()) {
                    folded.add(other);
                    // A consequence's "Rule Compilation error" lists each failed use on a line of its own.
                    follow += other.text().startsWith("Rule Compilation error")
                            ? (int) other.text().lines().filter(l -> mention.matcher(l).find()).count() : 1;
                }
            }
        }
        String cascade = follow == 0 ? "" : ", and " + follow + (follow == 1 ? " error that follows" : " errors that follow")
                + " from it (the uses of " + binding + ", which it leaves unbound)";
        return new Diagnostic(SourceSpan.of(raw.file(), line, column), "unknown fact type '" + type + "'" + hint + cascade);
    }

    /**
     * The types a pattern may name, by simple name: every class the pack's files import and every fact
     * class of the model and classify packages, each with its qualified name.
     */
    static Map<String, String> knownTypes(RuleSources sources) {
        Map<String, String> known = new TreeMap<>();
        for (String pkg : FACT_PACKAGES) {
            for (String name : classesIn(pkg)) {
                known.putIfAbsent(name, pkg + "." + name);
            }
        }
        for (String drl : sources.files().values()) {
            Matcher m = IMPORT.matcher(drl);
            while (m.find()) {
                String fqcn = m.group(1);
                if (!fqcn.endsWith(".*")) {
                    known.put(fqcn.substring(fqcn.lastIndexOf('.') + 1), fqcn);
                }
            }
        }
        return known;
    }

    /** The top-level public classes of a package on the class path (a directory or the jar). */
    private static List<String> classesIn(String pkg) {
        Set<String> names = new TreeSet<>();
        String folder = pkg.replace('.', '/');
        try {
            Enumeration<URL> urls = DrlDiagnostics.class.getClassLoader().getResources(folder);
            while (urls.hasMoreElements()) {
                java.net.URI uri = urls.nextElement().toURI();
                if (uri.getScheme().equals("jar")) {
                    String jar = uri.getSchemeSpecificPart();
                    jar = jar.substring(0, jar.indexOf("!/"));
                    try (java.util.jar.JarFile file = new java.util.jar.JarFile(Path.of(java.net.URI.create(jar)).toFile())) {
                        file.stream().map(java.util.zip.ZipEntry::getName)
                                .filter(n -> n.startsWith(folder + "/") && n.indexOf('/', folder.length() + 1) < 0)
                                .forEach(n -> addClass(pkg, n.substring(folder.length() + 1), names));
                    }
                } else if (uri.getScheme().equals("file")) {
                    try (Stream<Path> files = Files.list(Path.of(uri))) {
                        files.forEach(p -> addClass(pkg, p.getFileName().toString(), names));
                    }
                }
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            // Suggestions only: a class path that cannot be listed gives none.
        }
        return List.copyOf(names);
    }

    private static void addClass(String pkg, String file, Set<String> names) {
        if (file.endsWith(".class") && !file.contains("$") && !file.startsWith("package-info")) {
            String name = file.substring(0, file.length() - ".class".length());
            try {
                if (Modifier.isPublic(Class.forName(pkg + "." + name, false, DrlDiagnostics.class.getClassLoader()).getModifiers())) {
                    names.add(name);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not a loadable class: no suggestion from it
            }
        }
    }

    // ---- two rules of one name

    private static final Pattern DUPLICATE_NAME = Pattern.compile("^Duplicate rule name: (.*)$", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.$]+)");

    /**
     * Two rules of one name in one package: Drools reports whichever it built second, and then that the
     * classes it generates for the rule are "already defined". Report the later definition (path order,
     * then line) with the first one's place, as for a duplicate {@code @id}, and fold the rest.
     */
    private static Diagnostic duplicateName(RuleSources sources, Raw raw, String name, List<Raw> raws, Set<Raw> folded) {
        String drl = sources.files().get(raw.relative());
        if (drl == null) {
            return null;
        }
        String pkg = packageOf(drl);
        List<SourceSpan> declared = new ArrayList<>();
        List<String> files = new ArrayList<>();
        sources.files().forEach((relative, text) -> {
            if (packageOf(text).equals(pkg)) {
                String[] lines = text.split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    Matcher h = RULE_HEADER.matcher(lines[i]);
                    if (h.find() && h.group(1).equals("rule") && h.group(2).replace("\"", "").equals(name)) {
                        declared.add(SourceSpan.of(sources.display(relative), i + 1, h.start(1) + 1));
                        files.add(relative);
                    }
                }
            }
        });
        if (declared.size() < 2) {
            return null;
        }
        int follow = 0;
        for (Raw other : raws) {
            if (other != raw && files.contains(other.relative()) && other.text().contains("is already defined")) {
                folded.add(other);
                follow++;
            }
        }
        SourceSpan first = declared.get(0);
        SourceSpan later = declared.get(declared.size() - 1);
        return new Diagnostic(later, "duplicate rule name \"" + name + "\" in package " + pkg + "; already used by the rule at "
                + first.location() + " (a rule's name is its identity in its package: rename one)"
                + (follow == 0 ? "" : ", and " + follow + (follow == 1 ? " error that follows" : " errors that follow") + " from it"));
    }

    private static String packageOf(String drl) {
        Matcher m = PACKAGE.matcher(drl);
        return m.find() ? m.group(1) : "defaultpkg";
    }

    // ---- unknown fields and methods

    /**
     * A field or method the fact's class does not have: at the name in the constraint, with the nearest
     * name the class does have (record components, public methods, and Drools' property names for
     * {@code getX()} / {@code isX()}).
     */
    private static Diagnostic unknownMember(String drl, Raw raw, Matcher member) {
        String className = member.group(1);
        String name = member.group(2);
        boolean call = !member.group(3).isBlank();
        Matcher analysed = ANALYSED.matcher(raw.text());
        String expression = analysed.find() ? analysed.group(1).strip() : null;
        int[] at = locate(drl, raw, expression, name);
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String hint = "";
        try {
            Class<?> type = Class.forName(className, false, DrlDiagnostics.class.getClassLoader());
            String nearest = dev.covenant.scenario.Suggestions.nearest(name, call ? methods(type) : properties(type));
            if (nearest == null && !call) {
                nearest = dev.covenant.scenario.Suggestions.nearest(name, methods(type));
            }
            hint = nearest == null ? "" : " (did you mean '" + nearest + "'?)";
        } catch (ClassNotFoundException | LinkageError e) {
            // no suggestion
        }
        String what = call ? "no method " + name + "(" + simpleTypes(member.group(3)) + ")" : "no field '" + name + "'";
        return new Diagnostic(SourceSpan.of(raw.file(), at[0], at[1]), simple + " has " + what + hint
                + (expression == null ? "" : ", in '" + expression + "'"));
    }

    private static String simpleTypes(String parameters) {
        return java.util.Arrays.stream(parameters.split(",")).map(String::strip)
                .map(p -> p.substring(p.lastIndexOf('.') + 1)).reduce((a, b) -> a + ", " + b).orElse("");
    }

    /** The names a constraint may read as a field: record components, no-argument public methods, bean properties. */
    static Set<String> properties(Class<?> type) {
        Set<String> names = new TreeSet<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                names.add(c.getName());
            }
        }
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0 && m.getReturnType() != void.class && !Modifier.isStatic(m.getModifiers())
                    && !OBJECT_METHODS.contains(m.getName())) {
                names.add(m.getName());
                String bean = m.getName().startsWith("get") ? m.getName().substring(3)
                        : m.getName().startsWith("is") && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)
                        ? m.getName().substring(2) : "";
                if (!bean.isEmpty() && Character.isUpperCase(bean.charAt(0))) {
                    names.add(Character.toLowerCase(bean.charAt(0)) + bean.substring(1));
                }
            }
        }
        return names;
    }

    /** The public instance methods a constraint may call. */
    static Set<String> methods(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method m : type.getMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && !OBJECT_METHODS.contains(m.getName())) {
                names.add(m.getName());
            }
        }
        return names;
    }

    /**
     * The line and column of {@code name} inside {@code expression}, searched from the message's line (or
     * from the rule's header when Drools gives none); the message's own position when it is not found.
     */
    private static int[] locate(String drl, Raw raw, String expression, String name) {
        if (drl == null) {
            return new int[] {raw.line(), raw.column()};
        }
        String[] lines = drl.split("\n", -1);
        int from = raw.line() > 0 && raw.line() <= lines.length ? raw.line() - 1 : Math.max(0, ruleLine(lines, raw.rule()));
        Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])");
        for (int i = from; i < lines.length; i++) {
            int start = expression == null ? 0 : lines[i].indexOf(expression);
            if (start >= 0) {
                Matcher m = word.matcher(lines[i]);
                if (m.find(start)) {
                    return new int[] {i + 1, m.start() + 1};
                }
            }
            if (raw.line() > 0 && expression == null) {
                break;
            }
        }
        return new int[] {raw.line(), raw.column()};
    }

    /**
     * The rule a message is about, when its text does not say: the rule whose text holds its line, or,
     * for a message without a line, the one rule whose text holds the expression it quotes.
     */
    private static String ruleAt(String drl, int line, String text) {
        if (drl == null) {
            return null;
        }
        String[] lines = drl.split("\n", -1);
        if (line > 0) {
            String name = null;
            for (int i = 0; i < Math.min(line, lines.length); i++) {
                Matcher h = RULE_HEADER.matcher(lines[i]);
                if (h.find()) {
                    name = h.group(2).replace("\"", "");
                }
            }
            return name;
        }
        Matcher analysed = ANALYSED.matcher(text);
        if (!analysed.find()) {
            return null;
        }
        String expression = analysed.group(1).strip();
        Set<String> holders = new LinkedHashSet<>();
        String name = null;
        for (String l : lines) {
            Matcher h = RULE_HEADER.matcher(l);
            if (h.find()) {
                name = h.group(2).replace("\"", "");
            }
            if (name != null && l.contains(expression)) {
                holders.add(name);
            }
        }
        return holders.size() == 1 ? holders.iterator().next() : null;
    }

    /** The 0-based line of the header of the rule named {@code rule}, or -1. */
    private static int ruleLine(String[] lines, String rule) {
        for (int i = 0; rule != null && i < lines.length; i++) {
            Matcher h = RULE_HEADER.matcher(lines[i]);
            if (h.find() && h.group(2).replace("\"", "").equals(rule)) {
                return i;
            }
        }
        return -1;
    }

    // ---- missing end and missing )

    /**
     * Drools reports a rule without {@code end} where the parser gave up — at the next rule's {@code end}, or at
     * the end of the file — as "mismatched input". When the source shows the rule named there has no {@code end}
     * before the next rule begins, say so, at the line where the {@code end} belongs (after its last line).
     */
    private static Diagnostic missingEnd(String drl, String file, String text) {
        Matcher m = MISMATCHED_IN_RULE.matcher(text);
        if (drl == null || !m.find()) {
            return null;
        }
        String[] lines = drl.split("\n", -1);
        int header = -1;
        for (int i = 0; i < lines.length && header < 0; i++) {
            Matcher h = RULE_HEADER.matcher(lines[i]);
            if (h.find() && h.group(1).equals("rule") && h.group(2).replace("\"", "").equals(m.group(2))) {
                header = i;
            }
        }
        if (header < 0) {
            return null;
        }
        int last = header;
        for (int i = header + 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("end") || line.startsWith("end ") || line.startsWith("end//")) {
                return null; // it has its end: the parse error is something else
            }
            Matcher next = RULE_HEADER.matcher(lines[i]);
            if (next.find()) {
                return new Diagnostic(SourceSpan.of(file, last + 2, 1), "rule \"" + m.group(2) + "\" (line " + (header + 1)
                        + ") has no 'end': add it here, before " + next.group(1) + " " + next.group(2) + " on line " + (i + 1));
            }
            if (!line.isEmpty() && !line.startsWith("//")) {
                last = i;
            }
        }
        return new Diagnostic(SourceSpan.of(file, last + 2, 1), "rule \"" + m.group(2) + "\" (line " + (header + 1)
                + ") has no 'end': add it here, at the end of the file");
    }

    /**
     * A parse error inside a rule where the rule's text up to the offending token leaves a {@code (}
     * open: the parser only notices at the next token, often on the next line, so name the missing
     * {@code )} where it belongs — after the last code before that token.
     */
    private static Diagnostic missingParen(String drl, Raw raw) {
        Matcher m = PARSE_ERROR.matcher(raw.text());
        if (drl == null || !m.find() || raw.line() <= 0) {
            return null;
        }
        String[] lines = drl.split("\n", -1);
        int header = ruleLine(lines, m.group(2));
        if (header < 0 || raw.line() - 1 < header || raw.line() > lines.length) {
            return null;
        }
        java.util.ArrayDeque<int[]> open = new java.util.ArrayDeque<>();
        int[] lastCode = null;
        int errorLine = raw.line() - 1;
        int errorColumn = Math.max(0, raw.column() - 1);
        for (int i = header + 1; i <= errorLine; i++) {
            String line = lines[i];
            int stop = i == errorLine ? Math.min(errorColumn, line.length()) : line.length();
            char quote = 0;
            for (int c = 0; c < stop; c++) {
                char ch = line.charAt(c);
                if (quote != 0) {
                    if (ch == '\\') {
                        c++;
                    } else if (ch == quote) {
                        quote = 0;
                    }
                } else if (ch == '"' || ch == '\'') {
                    quote = ch;
                } else if (ch == '/' && c + 1 < line.length() && line.charAt(c + 1) == '/') {
                    break;
                } else if (ch == '(') {
                    open.push(new int[] {i, c});
                } else if (ch == ')' && !open.isEmpty()) {
                    open.pop();
                }
                if (!Character.isWhitespace(ch) && !(ch == '/' && c + 1 < line.length() && line.charAt(c + 1) == '/')) {
                    lastCode = new int[] {i, c};
                }
            }
        }
        String token = m.group(1);
        // Only a token that begins the next pattern (a binding, a fact type, a conditional element) or the rule's next
        // part shows a ')' is missing; a stray token inside the parentheses ('||' at a line's start) is its own error.
        boolean startsAnother = token.equals("then") || token.equals("end") || token.startsWith("$") || token.equalsIgnoreCase("<eof>")
                || java.util.Set.of("not", "exists", "forall", "eval", "accumulate").contains(token)
                || !token.isEmpty() && Character.isUpperCase(token.charAt(0));
        if (open.isEmpty() || lastCode == null || !startsAnother || ")],}".contains(token)) {
            return null;
        }
        int[] unclosed = open.peek();
        int line = lastCode[0] + 1;
        int column = lastCode[1] + 2;
        String before = token.equalsIgnoreCase("<eof>") ? "before the end of the file" : "before '" + token + "' on line " + raw.line();
        return new Diagnostic(SourceSpan.of(raw.file(), line, column), "missing ')': the '(' at line " + (unclosed[0] + 1)
                + " column " + (unclosed[1] + 1) + " is not closed; add ')' here, " + before);
    }

    static String clean(String text) {
        String first = text.strip().lines().findFirst().orElse("").strip();
        first = ERROR_CODE.matcher(first).replaceFirst("");
        first = LINE_COLUMN.matcher(first).replaceFirst("").strip();
        // MVEL wraps the real reason in boilerplate; keep the reason.
        int reason = text.indexOf("[Error: ");
        if (reason >= 0) {
            int end = text.indexOf(']', reason);
            String detail = text.substring(reason + 8, end > reason ? end : text.length()).strip();
            String context = first.replaceAll(":\\s*$", "");
            first = context.isEmpty() ? detail : context + ": " + detail;
        }
        return first.isEmpty() ? "rule compilation failed" : first;
    }

    // ---- constraints typed as evaluation types them

    /**
     * Every MVEL constraint of a classic-mode pack compiled now with the strict typing evaluation applies
     * to it on first use, so that a constraint whose operands cannot be compared ({@code started >
     * "2024-01-01"}: a LocalDate and a String) is a diagnostic at the constraint, naming its rule, rather
     * than an error in every scenario. Drools keeps this step internal; where it cannot be reached (another
     * Drools, the executable model), there is nothing to check and nothing is reported.
     */
    static List<Diagnostic> constraintTypes(KieBase kieBase, RuleSources sources, RuleCatalog catalog) {
        Method compile;
        try {
            compile = org.drools.mvel.MVELConstraint.class.getDeclaredMethod("createMvelConditionEvaluator",
                    org.drools.base.base.ValueResolver.class);
            compile.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return List.of();
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        org.kie.api.runtime.KieSession session = kieBase.newKieSession();
        try {
            if (!(session instanceof org.drools.base.base.ValueResolver resolver)) {
                return List.of();
            }
            for (KiePackage pkg : kieBase.getKiePackages()) {
                for (Rule rule : pkg.getRules()) {
                    if (!(rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl)) {
                        continue;
                    }
                    Map<String, org.drools.mvel.MVELConstraint> constraints = new LinkedHashMap<>();
                    collect(impl.getLhs(), constraints, new java.util.IdentityHashMap<>());
                    for (org.drools.mvel.MVELConstraint constraint : constraints.values()) {
                        try {
                            compile.invoke(constraint, resolver);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            diagnostics.add(untyped(sources, catalog, rule, constraint.getExpression(), e.getCause()));
                        } catch (ReflectiveOperationException | RuntimeException e) {
                            return List.of();
                        }
                    }
                }
            }
        } finally {
            session.dispose();
        }
        return diagnostics;
    }

    private static void collect(org.drools.base.rule.RuleConditionElement element, Map<String, org.drools.mvel.MVELConstraint> into,
            Map<Object, Boolean> seen) {
        if (element == null || seen.put(element, Boolean.TRUE) != null) {
            return;
        }
        if (element instanceof org.drools.base.rule.Pattern pattern) {
            for (org.drools.base.rule.constraint.Constraint c : pattern.getConstraints()) {
                if (c instanceof org.drools.mvel.MVELConstraint mvel) {
                    into.putIfAbsent(mvel.getExpression() + "@" + System.identityHashCode(mvel), mvel);
                }
            }
            collect(pattern.getSource(), into, seen);
        }
        for (org.drools.base.rule.RuleConditionElement nested : element.getNestedElements()) {
            collect(nested, into, seen);
        }
    }

    private static final Pattern INCOMPATIBLE = Pattern.compile("incompatible types in statement: class ([\\w.$]+) \\(compared from: class ([\\w.$]+)\\)");

    /** A constraint MVEL will not compile: at the constraint in the rule's text, naming the rule and why. */
    private static Diagnostic untyped(RuleSources sources, RuleCatalog catalog, Rule rule, String expression, Throwable failure) {
        RuleInfo info = catalog.get(rule);
        SourceSpan declared = info == null ? SourceSpan.of(sources.display(""), 0, 0) : info.declared();
        SourceSpan at = declared;
        for (Map.Entry<String, String> file : sources.files().entrySet()) {
            if (sources.display(file.getKey()).equals(declared.file())) {
                String[] lines = file.getValue().split("\n", -1);
                for (int i = Math.max(0, declared.line() - 1); i < lines.length; i++) {
                    int column = lines[i].indexOf(expression);
                    if (column >= 0) {
                        at = SourceSpan.of(declared.file(), i + 1, column + 1);
                        break;
                    }
                    if (lines[i].strip().equals("end")) {
                        break;
                    }
                }
            }
        }
        return new Diagnostic(at, "rule '" + rule.getName() + "': " + why(expression, failure));
    }

    /** Why a constraint cannot be evaluated, in the rule's terms where MVEL's message allows. */
    private static String why(String expression, Throwable failure) {
        String text = failure == null || failure.getMessage() == null ? "" : failure.getMessage();
        Matcher m = INCOMPATIBLE.matcher(text);
        if (m.find()) {
            String left = m.group(2).substring(m.group(2).lastIndexOf('.') + 1);
            String right = m.group(1).substring(m.group(1).lastIndexOf('.') + 1);
            String fix = left.equals("LocalDate") && right.equals("String")
                    ? "; write the date as a LocalDate, e.g. LocalDate.parse(\"2024-01-01\") with 'import java.time.LocalDate;'" : "";
            return "'" + expression + "' compares a " + left + " with a " + right + ", which cannot be compared" + fix;
        }
        return "'" + expression + "' cannot be evaluated: " + clean(text);
    }

    // ---- a failure that slips through to evaluation

    /**
     * The rule whose constraint failed, for a failure raised while the engine matched (no rule firing):
     * MVEL's message quotes the constraint ({@code [Near : {... started > "2024-01-01" ....}]}), which
     * names the rule that holds it, and where it is declared. Null when it names none.
     */
    static String blame(KieBase kieBase, Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && text.length() < 20_000; t = t.getCause() == t ? null : t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        Matcher near = Pattern.compile("\\[Near : \\{\\.\\.\\. (.*?) \\.\\.\\.\\.\\}\\]").matcher(text);
        if (kieBase == null || !near.find()) {
            return null;
        }
        String expression = near.group(1).strip();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl) {
                    Map<String, org.drools.mvel.MVELConstraint> constraints = new LinkedHashMap<>();
                    collect(impl.getLhs(), constraints, new java.util.IdentityHashMap<>());
                    for (org.drools.mvel.MVELConstraint c : constraints.values()) {
                        if (c.getExpression() != null && c.getExpression().strip().equals(expression)) {
                            dev.covenant.finding.RuleDescriptor descriptor = RuleCatalog.descriptorOf(kieBase, rule);
                            return rule.getName() + "' (" + (descriptor == null ? "" : descriptor.declared().location() + ", ")
                                    + "constraint '" + expression + "')";
                        }
                    }
                }
            }
        }
        return null;
    }

}
