package dev.covenant.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.covenant.scenario.Node.Entry;
import dev.covenant.scenario.Node.ListNode;
import dev.covenant.scenario.Node.MapNode;
import dev.covenant.scenario.Node.ScalarNode;
import dev.covenant.source.Diagnostic;
import dev.covenant.source.SourceSpan;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one YAML document into a {@link Node} tree with positions, through Jackson's streaming
 * parser. Nothing is ever constructed from tags, aliases are refused (so alias bombs cannot expand),
 * and size and depth are bounded, so a hostile file is refused quickly with a clear message.
 */
final class YamlTree {

    /** Largest scenario file accepted, in bytes. */
    static final int MAX_BYTES = 4 * 1024 * 1024;
    /** Deepest nesting of mappings and lists accepted; real scenarios use five or six levels. */
    static final int MAX_DEPTH = 64;

    private static final Set<String> STANDARD_TAGS = Set.of(
            "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
            "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
            "tag:yaml.org,2002:seq", "tag:yaml.org,2002:timestamp", "!");

    private static final YAMLFactory FACTORY = createFactory();

    /** The tree (null when the file could not be read at all) and every problem found on the way. */
    record Result(Node root, List<Diagnostic> diagnostics) {
    }

    private final String file;
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private YamlTree(String file) {
        this.file = file;
    }

    static Result read(String file, byte[] bytes) {
        return new YamlTree(file).parse(bytes, false);
    }

    /** Every document of a stream (a request body may hold several); {@code root} is then a list of them. */
    static Result readAll(String file, byte[] bytes) {
        return new YamlTree(file).parse(bytes, true);
    }

    private Result parse(byte[] bytes, boolean many) {
        if (bytes.length > MAX_BYTES) {
            return fail(0, 0, "file is " + bytes.length + " bytes; scenario files are limited to " + MAX_BYTES + " bytes");
        }
        String text;
        try {
            text = strictUtf8(bytes);
        } catch (CharacterCodingException e) {
            return fail(lineOfFirstBadByte(bytes), 0, "file is not valid UTF-8 text");
        }
        if (text.indexOf('\0') >= 0) {
            return fail(lineOf(text, text.indexOf('\0')), 0, "file contains NUL characters; is it a binary file?");
        }
        if (text.isBlank()) {
            return fail(1, 1, "file is empty; expected a scenario mapping with 'scenario', 'as_of' and 'platform'");
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return fail(1, 1, "file holds no YAML document; expected a scenario mapping");
            }
            Node root = readValue((YAMLParser) parser, 1);
            if (many) {
                List<Node> documents = new ArrayList<>(List.of(root));
                while (parser.nextToken() != null) {
                    documents.add(readValue((YAMLParser) parser, 1));
                }
                return new Result(new ListNode(root.span(), documents), List.copyOf(diagnostics));
            }
            JsonToken next = parser.nextToken();
            if (next != null) {
                JsonLocation at = parser.currentTokenLocation();
                error(at.getLineNr(), at.getColumnNr(),
                        "file holds more than one YAML document; put one scenario in each file");
            }
            return new Result(root, List.copyOf(diagnostics));
        } catch (JsonProcessingException e) {
            diagnostics.add(fromParseError(e));
            return new Result(null, List.copyOf(diagnostics));
        } catch (YAMLException e) {
            // SnakeYAML's limit checks (code points, nesting) escape Jackson's wrapping.
            diagnostics.add(new Diagnostic(SourceSpan.of(file, 0, 0), cleanLimitMessage(e.getMessage())));
            return new Result(null, List.copyOf(diagnostics));
        } catch (IOException e) {
            return fail(0, 0, "cannot read YAML: " + e.getMessage());
        }
    }

    private Node readValue(YAMLParser parser, int depth) throws IOException {
        JsonToken token = parser.currentToken();
        JsonLocation at = parser.currentTokenLocation();
        SourceSpan span = SourceSpan.of(file, at.getLineNr(), at.getColumnNr());
        if (depth > MAX_DEPTH) {
            throw new DepthExceeded(span);
        }
        boolean tagRefused = checkTag(parser, span);
        if (parser.isCurrentAlias()) {
            error(span, "YAML aliases (*" + parser.getText() + ") are not supported in scenarios; write the value out");
            return new ScalarNode(span, "", ScalarNode.Type.NULL);
        }
        return switch (token) {
            case START_OBJECT -> readMap(parser, span, depth);
            case START_ARRAY -> readList(parser, span, depth);
            case VALUE_STRING -> new ScalarNode(span, parser.getText(), ScalarNode.Type.STRING);
            case VALUE_NUMBER_INT -> new ScalarNode(span, parser.getText(), ScalarNode.Type.INTEGER);
            case VALUE_NUMBER_FLOAT -> new ScalarNode(span, parser.getText(), ScalarNode.Type.DECIMAL);
            case VALUE_TRUE, VALUE_FALSE -> new ScalarNode(span, parser.getText(), ScalarNode.Type.BOOLEAN);
            case VALUE_NULL -> new ScalarNode(span, parser.getText(), ScalarNode.Type.NULL);
            // Jackson turns !!binary into an embedded byte[], whose tag checkTag has usually refused already:
            // said once, not twice.
            case VALUE_EMBEDDED_OBJECT -> tagRefused ? new ScalarNode(span, "", ScalarNode.Type.NULL)
                    : refused(span, "YAML tag !!binary is not allowed; scenarios hold plain values only");
            default -> refused(span, "YAML value of kind " + token + " is not allowed; scenarios hold plain values only");
        };
    }

    private Node refused(SourceSpan span, String message) {
        error(span, message);
        return new ScalarNode(span, "", ScalarNode.Type.NULL);
    }

    private MapNode readMap(YAMLParser parser, SourceSpan span, int depth) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            JsonLocation keyAt = parser.currentTokenLocation();
            SourceSpan keySpan = SourceSpan.of(file, keyAt.getLineNr(), keyAt.getColumnNr());
            String key = parser.getText();
            parser.nextToken();
            Node value = readValue(parser, depth + 1);
            Entry previous = entries.putIfAbsent(key, new Entry(key, keySpan, value));
            if (previous != null) {
                error(keySpan, "duplicate key '" + key + "' (first written at line " + previous.keySpan().line() + ")");
            }
        }
        return new MapNode(span, entries);
    }

    private ListNode readList(YAMLParser parser, SourceSpan span, int depth) throws IOException {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(readValue(parser, depth + 1));
        }
        return new ListNode(span, items);
    }

    /** Refuses a tag other than the standard scalar and collection ones; true when it did. */
    private boolean checkTag(YAMLParser parser, SourceSpan span) throws IOException {
        String tag = parser.getTypeId();
        if (tag != null && !STANDARD_TAGS.contains(tag)) {
            String shown = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring(18) : tag;
            error(span, "YAML tag " + shown + " is not allowed; scenarios hold plain values only");
            return true;
        }
        return false;
    }

    private Diagnostic fromParseError(JsonProcessingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            String problem = marked.getProblem() == null ? "invalid YAML" : marked.getProblem();
            String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
            return new Diagnostic(SourceSpan.of(file, mark.getLine() + 1, mark.getColumn() + 1),
                    "invalid YAML: " + problem + context);
        }
        if (cause instanceof YAMLException yaml) {
            JsonLocation at = e.getLocation();
            return new Diagnostic(SourceSpan.of(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr()),
                    cleanLimitMessage(yaml.getMessage()));
        }
        if (e instanceof DepthExceeded depth) {
            return new Diagnostic(depth.span, "nesting deeper than " + MAX_DEPTH + " levels; refusing this file");
        }
        JsonLocation at = e.getLocation();
        SourceSpan where = SourceSpan.of(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        String original = e.getOriginalMessage();
        if (original != null && original.contains("base64")) {
            // Jackson decodes a !!binary value while scanning, so a malformed one fails before readValue can
            // refuse its tag: the message was Jackson's decoder's ("padding only legal as 3rd or 4th character").
            return new Diagnostic(where, "YAML tag !!binary is not allowed; scenarios hold plain values only");
        }
        return new Diagnostic(where, "invalid YAML: " + original);
    }

    private static String cleanLimitMessage(String message) {
        String first = message == null ? "limit exceeded" : message.lines().findFirst().orElse(message);
        return "YAML refused: " + first;
    }

    private void error(int line, int column, String message) {
        error(SourceSpan.of(file, line, column), message);
    }

    private void error(SourceSpan span, String message) {
        diagnostics.add(new Diagnostic(span, message));
    }

    private Result fail(int line, int column, String message) {
        error(line, column, message);
        return new Result(null, List.copyOf(diagnostics));
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
        String text = chars.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static int lineOfFirstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        int line = 1;
        for (int i = 0; i < in.position(); i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineOf(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static YAMLFactory createFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // duplicates are reported by readMap, with both lines
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(MAX_DEPTH + 2);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        return YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH + 2)
                        .maxStringLength(MAX_BYTES)
                        .build())
                .build();
    }

    /** Thrown through Jackson's parse loop when the tree is deeper than {@link #MAX_DEPTH}. */
    private static final class DepthExceeded extends JsonProcessingException {
        private static final long serialVersionUID = 1L;
        private final transient SourceSpan span;

        DepthExceeded(SourceSpan span) {
            super("nesting too deep");
            this.span = span;
        }
    }
}
