package dev.covenant.source;

/**
 * Where a fact or a problem came from: file, 1-based line and column, and its YAML path. In a decision table
 * ({@code *.drl.csv}, {@code *.drl.xlsx}) a span is a cell: {@code line} is its row, {@code column} its column
 * (A = 1) and {@code path} its name in spreadsheet notation ({@code C12}), which is how it is shown.
 */
public record SourceSpan(String file, int line, int column, String path) {

    public static SourceSpan of(String file, int line, int column) {
        return new SourceSpan(file, line, column, "");
    }

    /** A decision table's cell: 1-based row and column, shown as {@code file:C12}. */
    /** The place of character {@code offset} of {@code text}, a file's contents: its line and column, from 1. */
    public static SourceSpan atOffset(String file, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return of(file, line, offset - lineStart + 1);
    }

    public static SourceSpan cell(String file, int row, int column) {
        return new SourceSpan(file, row, column, cellName(row, column));
    }

    /** Spreadsheet notation for a 1-based row and column: (12, 3) is {@code C12}, (1, 27) {@code AA1}. */
    public static String cellName(int row, int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters + Integer.toString(row);
    }

    /** True when this span is a decision-table cell ({@link #cell}). */
    public boolean isCell() {
        return line > 0 && column > 0 && path.equals(cellName(line, column)) && isTable(file);
    }

    /** A decision table's file name: {@code *.drl.csv} (the form reviewed in pull requests) or {@code *.drl.xlsx}. */
    public static boolean isTable(String file) {
        return file.endsWith(".drl.csv") || file.endsWith(".drl.xlsx");
    }

    public SourceSpan withPath(String newPath) {
        return new SourceSpan(file, line, column, newPath);
    }

    /** {@code file:line:column}, the form editors and grep understand; line 0 means "whole file"; a cell is {@code file:C12}. */
    public String location() {
        if (isCell()) {
            return file + ":" + path;
        }
        if (line <= 0) {
            return file;
        }
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }

    @Override
    public String toString() {
        return location();
    }
}
