package dev.covenant.report;

import java.io.IOException;
import java.io.Writer;

/** A writer for terminal text that passes everything through {@link Inert#block}. */
public final class InertWriter extends Writer {

    private final Writer out;

    public InertWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        out.write(Inert.block(new String(buffer, offset, length)));
    }

    @Override
    public void write(String text) throws IOException {
        out.write(Inert.block(text));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
