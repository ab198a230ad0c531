package dev.covenant.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The one Jackson configuration every JSON output is written with: records in, their components in
 * declaration order out. The pretty form ({@code "field" : value}, two-space indent) is the one the
 * documented outputs and golden files have always had; the compact form is for one-line answers
 * (JSON Lines, the server's small bodies).
 */
public final class Json {

    /** Shared and thread-safe once configured; writers never close the caller's stream. */
    static final JsonMapper MAPPER = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter());
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private Json() {
    }

    /** Writes {@code value} pretty-printed, then a newline, leaving {@code out} open. */
    public static void pretty(Object value, Writer out) throws IOException {
        PRETTY.writeValue(out, value);
        out.write("\n");
    }

    /** {@code value} on one line, without a newline. */
    public static String compact(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (IOException e) {
            // Only our own records are written, to a string: nothing here can fail but a bug.
            throw new UncheckedIOException(e);
        }
    }

    /** A pretty-printing generator for output written in parts (the streaming report); records go in with writeObject. */
    static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator json = MAPPER.createGenerator(out);
        json.setPrettyPrinter(new DefaultPrettyPrinter());
        return json;
    }
}
