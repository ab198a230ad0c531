package dev.covenant.report;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The one Jackson configuration every JSON output is written with: records in, their components in
 * declaration order out. The pretty form ({@code "field" : value}, two-space indent) is the one the
 * documented outputs and golden files have always had; the compact form is for one-line answers
 * (JSON Lines, the server's small bodies).
 */
public final class Json {

    /** Shared and thread-safe once configured; writers never close the caller's stream. */
    static final JsonMapper MAPPER = JsonMapper.builder(new JsonFactoryBuilder().characterEscapes(new InvisibleEscapes()).build())
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter());
    private static final ObjectWriter COMPACT = MAPPER.writer();

    private Json() {
    }

    /**
     * What {@link Inert} would replace is written as a {@code \\uXXXX} escape, so the file itself carries
     * no direction override or line separator (a reviewer reading it, a script embedding it) while a
     * parser still gets back exactly the string the scenario held. Surrogates are escaped too, paired or
     * not: one at a time a writer cannot tell a lone one, which UTF-8 cannot carry and would turn into
     * {@code ?}.
     */
    private static final class InvisibleEscapes extends CharacterEscapes {

        private final int[] ascii = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch > 0x7F && (Character.isSurrogate((char) ch) || Inert.invisible(ch)) ? new SerializedString(String.format(Locale.ROOT, "\\u%04X", ch)) : null;
        }
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
