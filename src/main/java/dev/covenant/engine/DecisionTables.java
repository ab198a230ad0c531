package dev.covenant.engine;

import dev.covenant.model.LegalBasis;
import dev.covenant.model.Region;
import dev.covenant.model.Taxonomy;
import dev.covenant.scenario.RegionHints;
import dev.covenant.scenario.Suggestions;
import dev.covenant.scenario.TaxonomyHints;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.decisiontable.parser.csv.CsvParser;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.model.DRLOutput;
import org.drools.template.parser.DataListener;
import org.drools.template.parser.DecisionTableParseException;

/**
 * Obligation tables: Drools decision tables ({@code *.drl.csv}, the form reviewed in pull requests, and
 * {@code *.drl.xlsx}) that counsel keep as matrices — one rule per row. Drools' own reader turns a table into
 * DRL, so a table means what Drools' documentation says; this class adds what Drools does not do:
 * <ul>
 * <li>the cells are checked before anything compiles: a column whose code asks {@code hasCategory},
 *     {@code hasUse}, {@code inRegion}/{@code region ==} or {@code restsOn} holds Fides data categories, uses,
 *     regions or legal bases, and a value that is none is an error at its cell, with a did-you-mean;</li>
 * <li>every generated line is traced back to the cell it came from, so a Drools error in a row's DRL, and
 *     a rule's declaration (hence every finding of the row), name {@code file.drl.csv:C12}, never a generated
 *     rule name or DRL line;</li>
 * <li>a row without a {@code NAME} column is named for its file and row ({@code us/consent-uses.drl.csv row 9}),
 *     not Drools' {@code TableName_9}.</li>
 * </ul>
 */
public final class DecisionTables {

    private static final Pattern ROW_COMMENT = Pattern.compile("^// rule values at ([A-Z]+)(\\d+), header at [A-Z]+\\d+$");
    private static final Pattern RULE_LINE = Pattern.compile("^rule\\s+\"(.*)\"\\s*$");
    private static final Pattern CELL_NAME = Pattern.compile("\\b(?:cell|at|in)\\s+([A-Z]{1,3})(\\d+)\\b");

    /** What a column's code asks of its cells' values, read from the code row. */
    enum Kind {
        CATEGORY("data category", Pattern.compile("hasCategory\\s*\\(\\s*\"\\$")),
        USE("use", Pattern.compile("hasUse\\s*\\(\\s*\"\\$")),
        REGION("region", Pattern.compile("inRegion\\s*\\(\\s*\"\\$|\\bregion\\s*==\\s*\"\\$")),
        LEGAL_BASIS("legal basis", Pattern.compile("restsOn\\s*\\(\\s*\"\\$"));

        final String label;
        final Pattern code;

        Kind(String label, Pattern code) {
            this.label = label;
            this.code = code;
        }

        static Kind of(String code) {
            return Arrays.stream(values()).filter(k -> k.code.matcher(code).find()).findFirst().orElse(null);
        }
    }

    /** The legal bases a table may require: the scenario's {@code legal_basis} kinds a practice can rest on. */
    static final List<String> LEGAL_BASES = Arrays.stream(LegalBasis.Kind.values())
            .filter(k -> k != LegalBasis.Kind.SETTING).map(LegalBasis.Kind::key).toList();

    private DecisionTables() {
    }

    /** True for a table's file name. */
    public static boolean isTable(String path) {
        return SourceSpan.isTable(path);
    }

    /**
     * A table read: the DRL Drools generates from it (empty when it could not), the problems found in its cells
     * or its layout, the cell each generated line came from, and a hash of the file's bytes.
     */
    public record Table(String drl, List<Diagnostic> problems, List<Line> lines, String sha256) {

        public Table {
            problems = List.copyOf(problems);
            lines = List.copyOf(lines);
        }

        /**
         * The cell behind a 1-based line (and column, 0 when unknown) of the generated DRL: the cell whose value
         * the column points into (or the message quotes), else the row's first cell of the section's kind, else the row's first cell.
         */
        public SourceSpan cellAt(String file, int line, int column, String message) {
            if (line <= 0 || line > lines.size()) {
                return SourceSpan.of(file, 0, 0);
            }
            Line at = lines.get(line - 1);
            Cell chosen = null;
            if (column <= 0) {
                // No column: the cell whose text the message quotes, else the line's first.
                chosen = at.cells().stream().map(Placed::cell).filter(c -> message != null && message.contains(c.value().strip()))
                        .findFirst().orElse(at.cells().isEmpty() ? null : at.cells().get(0).cell());
            }
            for (Placed placed : column <= 0 ? List.<Placed>of() : at.cells()) {
                if (placed.offset() + 1 <= column) {
                    chosen = placed.cell();
                    if (column <= placed.offset() + placed.cell().value().length() + 1) {
                        break;
                    }
                }
            }
            if (chosen == null) {
                chosen = at.fallback();
            }
            return SourceSpan.cell(file, chosen.row(), chosen.column());
        }
    }

    /** One cell: 1-based row and column, and its text. */
    record Cell(int row, int column, String value) {
    }

    /** A cell whose value appears at {@code offset} (0-based) of a generated line. */
    record Placed(Cell cell, int offset) {
    }

    /** A generated line: the cells whose values it shows, in order, and the cell to name when none matches. */
    public record Line(List<Placed> cells, Cell fallback) {
    }

    /**
     * Reads a table. {@code relative} is its pack-relative path (it names rows that have no {@code NAME}),
     * {@code display} how diagnostics name the file. Never throws for problems in the table itself.
     */
    /**
     * Drools reads a CSV table line by line, so a quoted cell holding a line break (valid CSV, and what a
     * spreadsheet writes for a cell with a new line) would be torn in two and misread as other cells: name it.
     */
    private static Diagnostic cellSpanningLines(String display, byte[] content) {
        String text = new String(content, java.nio.charset.StandardCharsets.UTF_8);
        int row = 1;
        int column = 1;
        boolean quoted = false;
        int startRow = 0;
        int startColumn = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else if (c == '\n') {
                    return new Diagnostic(SourceSpan.cell(display, startRow, startColumn), "the cell spans lines: Drools reads a CSV"
                            + " table one line at a time, so write the cell's text on one line");
                }
            } else if (c == '"') {
                quoted = true;
                startRow = row;
                startColumn = column;
            } else if (c == ',') {
                column++;
            } else if (c == '\n') {
                row++;
                column = 1;
            }
        }
        return null;
    }

    public static Table read(String relative, String display, byte[] content) {
        String sha = sha256(content);
        Grid grid = new Grid();
        DefaultRuleSheetListener drools = new DefaultRuleSheetListener();
        List<DataListener> listeners = List.of(grid, drools);
        String drl;
        if (!relative.endsWith(".xlsx")) {
            Diagnostic spans = cellSpanningLines(display, content);
            if (spans != null) {
                return new Table("", List.of(spans), List.of(), sha);
            }
        }
        try {
            if (relative.endsWith(".xlsx")) {
                new ExcelParser(new ArrayList<>(listeners)).parseFile(new ByteArrayInputStream(content));
            } else {
                new CsvParser(new ArrayList<>(listeners), new CsvLineParser()).parseFile(new ByteArrayInputStream(content));
            }
            DRLOutput out = new DRLOutput();
            drools.getRuleSet().renderDRL(out);
            drl = out.getDRL();
        } catch (DecisionTableParseException | IllegalArgumentException | IllegalStateException e) {
            return new Table("", List.of(layoutProblem(display, e)), List.of(), sha);
        } catch (RuntimeException e) {
            // POI's own failures (not a workbook, a damaged one) are the file's problem, not the program's.
            return new Table("", List.of(new Diagnostic(SourceSpan.of(display, 0, 0),
                    "cannot read the decision table: " + firstLine(e))), List.of(), sha);
        }
        List<Diagnostic> problems = new ArrayList<>();
        List<Column> columns = grid.columns();
        for (Column c : columns) {
            if (c.kind() != null) {
                for (Cell cell : c.data()) {
                    check(display, c, cell, problems);
                }
            }
        }
        StringBuilder named = new StringBuilder();
        List<Line> lines = trace(drl, grid, columns, relative, named);
        return new Table(named.toString(), problems, lines, sha);
    }

    /** A value that is not of its column's kind, with the nearest that is. */
    private static void check(String display, Column column, Cell cell, List<Diagnostic> problems) {
        List<String> values = column.listed() ? Arrays.stream(cell.value().split(",")).map(String::strip).toList()
                : List.of(cell.value().strip());
        for (String value : values) {
            String hint = switch (column.kind()) {
                case CATEGORY -> Taxonomy.isCategory(value) ? null : TaxonomyHints.category(value);
                case USE -> Taxonomy.isUse(value) ? null : TaxonomyHints.use(value);
                case REGION -> Region.isValid(value) || value.equals(dev.covenant.classify.Audience.ANYWHERE) ? null : RegionHints.unknown(value);
                case LEGAL_BASIS -> LEGAL_BASES.contains(value) ? null
                        : Suggestions.didYouMean(value, LEGAL_BASES) + "; expected one of: " + String.join(", ", LEGAL_BASES);
            };
            if (hint != null) {
                String what = switch (column.kind()) {
                    case CATEGORY -> "is not a Fides data category";
                    case USE -> "is not a Fides data use";
                    case REGION -> "is not a region (ISO 3166 country, US-xx state, EU, EEA or UK)";
                    case LEGAL_BASIS -> "is not a legal basis";
                };
                String header = column.label().isEmpty() ? column.kind().label : column.label();
                problems.add(new Diagnostic(SourceSpan.cell(display, cell.row(), cell.column()),
                        header + " '" + value + "' " + what + hint));
            }
        }
    }

    /** Drools names the cell of a layout problem in its message ("... in cell C9 ..."); the diagnostic is there. */
    private static Diagnostic layoutProblem(String display, RuntimeException e) {
        String message = firstLine(e);
        Matcher cell = CELL_NAME.matcher(message);
        if (cell.find()) {
            return new Diagnostic(SourceSpan.cell(display, Integer.parseInt(cell.group(2)), column(cell.group(1))),
                    "decision table: " + message);
        }
        return new Diagnostic(SourceSpan.of(display, 0, 0), "decision table: " + message);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.strip().lines().findFirst().orElse(message);
    }

    static int column(String letters) {
        int column = 0;
        for (char c : letters.toCharArray()) {
            column = column * 26 + (c - 'A' + 1);
        }
        return column;
    }

    /**
     * Walks the generated DRL once: renames rows Drools named {@code Table_9} to their file and row, and records
     * for each line the cells it came from. Drools writes, before each rule, "rule values at A9": the row; then
     * metadata and attributes, {@code when} with one line per condition group, {@code then} with one per action.
     */
    private static List<Line> trace(String drl, Grid grid, List<Column> columns, String relative, StringBuilder named) {
        List<Line> lines = new ArrayList<>();
        Cell first = grid.first();
        int row = 0;
        Cell rowStart = first;
        String section = "";
        boolean hasName = columns.stream().anyMatch(c -> c.type().equals("NAME"));
        for (String text : drl.split("\n", -1)) {
            Matcher comment = ROW_COMMENT.matcher(text);
            if (comment.matches()) {
                row = Integer.parseInt(comment.group(2));
                rowStart = new Cell(row, column(comment.group(1)), grid.value(row, column(comment.group(1))));
                section = "";
            } else if (row > 0 && RULE_LINE.matcher(text).matches()) {
                section = "header";
                if (!hasName) {
                    text = "rule \"" + relative + " row " + row + "\"";
                }
                named.append(text).append('\n');
                lines.add(new Line(List.of(), rowStart)); // a rule is declared at its row's first cell
                continue;
            } else if (row > 0 && text.strip().equals("when")) {
                section = "CONDITION";
            } else if (row > 0 && text.strip().equals("then")) {
                section = "ACTION";
            }
            named.append(text).append('\n');
            lines.add(place(text, row == 0 ? grid.all() : grid.row(row, columns, sectionTypes(section)), row == 0 ? first : rowStart));
        }
        named.setLength(Math.max(0, named.length() - 1));
        return lines;
    }

    private static List<String> sectionTypes(String section) {
        return switch (section) {
            case "CONDITION" -> List.of("CONDITION");
            case "ACTION" -> List.of("ACTION");
            case "header" -> List.of("METADATA", "NAME", "DESCRIPTION", "PRIORITY", "SALIENCE", "AGENDA-GROUP", "ACTIVATION-GROUP",
                    "NO-LOOP", "DURATION", "TIMER", "ENABLED", "CALENDARS", "DATE-EFFECTIVE", "DATE-EXPIRES", "AUTO-FOCUS",
                    "LOCK-ON-ACTIVE", "RULEFLOW-GROUP");
            default -> List.of();
        };
    }

    /** The cells among {@code candidates} whose values appear on the line, by where they appear. */
    private static Line place(String text, List<Cell> candidates, Cell fallback) {
        List<Placed> placed = new ArrayList<>();
        for (Cell cell : candidates) {
            String value = cell.value().strip();
            int at = value.isEmpty() ? -1 : text.indexOf(value);
            if (at < 0 && value.contains("\"")) {
                at = text.indexOf(value.replace("\"", "\\\""));
            }
            if (at >= 0) {
                placed.add(new Placed(cell, at));
            }
        }
        placed.sort(java.util.Comparator.comparingInt(Placed::offset));
        Cell orElse = placed.isEmpty() && !candidates.isEmpty() ? candidates.get(0) : fallback;
        return new Line(placed, orElse == null ? new Cell(1, 1, "") : orElse);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A table column: its type (CONDITION, ACTION, METADATA, NAME, ...), code, label and data cells. */
    record Column(int column, String type, String code, String label, Kind kind, boolean listed, List<Cell> data) {
    }

    /**
     * Every cell as the parser reports it (0-based there, 1-based here), and the layout Drools reads from it: a
     * {@code RuleTable} cell, then the type row, the pattern row, the code row, the label row, and one row per
     * rule until a blank row.
     */
    private static final class Grid implements DataListener {

        private final Map<Integer, Map<Integer, String>> cells = new TreeMap<>();

        @Override
        public void startSheet(String name) {
        }

        @Override
        public void finishSheet() {
        }

        @Override
        public void newRow(int rowNumber, int columns) {
        }

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            if (value != null && !value.isBlank()) {
                cells.computeIfAbsent(row + 1, r -> new TreeMap<>()).put(column + 1, value);
            }
        }

        String value(int row, int column) {
            return cells.getOrDefault(row, Map.of()).getOrDefault(column, "");
        }

        Cell first() {
            for (Map.Entry<Integer, Map<Integer, String>> row : cells.entrySet()) {
                for (Map.Entry<Integer, String> cell : row.getValue().entrySet()) {
                    return new Cell(row.getKey(), cell.getKey(), cell.getValue());
                }
            }
            return new Cell(1, 1, "");
        }

        List<Cell> all() {
            List<Cell> all = new ArrayList<>();
            cells.forEach((row, columns) -> columns.forEach((column, value) -> all.add(new Cell(row, column, value))));
            return all;
        }

        /** The cells of a rule row in columns of these types, left to right. */
        List<Cell> row(int row, List<Column> columns, List<String> types) {
            List<Cell> found = new ArrayList<>();
            for (Column c : columns) {
                String value = value(row, c.column());
                if (types.contains(c.type()) && !value.isBlank() && c.data().stream().anyMatch(d -> d.row() == row)) {
                    found.add(new Cell(row, c.column(), value));
                }
            }
            return found;
        }

        /** The columns of every RuleTable in the sheet, with their data cells. */
        List<Column> columns() {
            List<Column> columns = new ArrayList<>();
            for (Map.Entry<Integer, Map<Integer, String>> row : cells.entrySet()) {
                for (Map.Entry<Integer, String> cell : row.getValue().entrySet()) {
                    String text = cell.getValue().strip().toLowerCase(Locale.ROOT);
                    if (text.equals("ruletable") || text.startsWith("ruletable ")) {
                        columns.addAll(table(row.getKey(), cell.getKey()));
                    }
                }
            }
            return columns;
        }

        private List<Column> table(int start, int startColumn) {
            List<Column> columns = new ArrayList<>();
            Map<Integer, String> types = cells.getOrDefault(start + 1, Map.of());
            for (Map.Entry<Integer, String> type : types.entrySet()) {
                int column = type.getKey();
                if (column < startColumn) {
                    continue;
                }
                String code = value(start + 3, column);
                List<Cell> data = new ArrayList<>();
                for (int row = start + 5; cells.containsKey(row) && !isTableStart(row); row++) {
                    String value = value(row, column);
                    if (!value.isBlank()) {
                        data.add(new Cell(row, column, value));
                    }
                }
                columns.add(new Column(column, type.getValue().strip().toUpperCase(Locale.ROOT), code, value(start + 4, column).strip(),
                        Kind.of(code), code.contains("forall(") || code.contains("$1"), data));
            }
            return columns;
        }

        private boolean isTableStart(int row) {
            return cells.get(row).values().stream().map(v -> v.strip().toLowerCase(Locale.ROOT))
                    .anyMatch(v -> v.equals("ruletable") || v.startsWith("ruletable "));
        }
    }
}
