package dev.covenant.source;

/** Where a fact or a problem came from: file, 1-based line and column, and its YAML path. */
public record SourceSpan(String file, int line, int column, String path) {

    public static SourceSpan of(String file, int line, int column) {
        return new SourceSpan(file, line, column, "");
    }

    public SourceSpan withPath(String newPath) {
        return new SourceSpan(file, line, column, newPath);
    }

    /** {@code file:line:column}, the form editors and grep understand; line 0 means "whole file". */
    public String location() {
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
