package org.formbox.forms;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Finds and reads call definitions. A definition ships inside the jar ({@code calls/<name>.yaml}
 * on the class path); a file of the same name in the operator's folder takes its place, so an
 * office edits a call without a build. What is read is checked before use ({@link DefinitionReader}):
 * a definition that does not fit stops the service with the file, the line and the fix.
 */
public final class CallDefinitions {

    /** The call shipped as the default. */
    public static final String DEFAULT = "kjcx-2025";

    private static final YAMLFactory YAML = new YAMLFactory();

    private CallDefinitions() {
    }

    /** The shipped definition of this name, from the class path. */
    public static CallDefinition shipped(String name) {
        String resource = "calls/" + name + ".yaml";
        try (InputStream in = CallDefinitions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new DefinitionException(name + ".yaml", 0, "no call definition of this name is shipped",
                        "name one of the files in calls/ in formbox.call.definition, or put " + name
                                + ".yaml into formbox.call.definitions-dir");
            }
            return read(name, "classpath:" + resource, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The definition of this name: the file in {@code dir} when there is one, else the shipped one. */
    public static CallDefinition load(Path dir, String name) {
        Path file = dir == null ? null : dir.resolve(name + ".yaml");
        if (file == null || !Files.isRegularFile(file)) {
            return shipped(name);
        }
        try {
            return read(name, file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A definition from its text. */
    public static CallDefinition read(String name, String file, byte[] yaml) {
        Map<JsonNode, Integer> lines = new IdentityHashMap<>();
        JsonNode root;
        try (JsonParser p = YAML.createParser(yaml)) {
            if (p.nextToken() == null) {
                throw new DefinitionException(file, 0, "the file is empty", "write the call's forms and rules into it");
            }
            root = node(p, lines, file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DefinitionException(file, line, "not valid YAML (" + e.getOriginalMessage() + ")",
                    "check the indentation and quoting on this line; quote text that starts with { [ * & ! | > ' \" % @");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DefinitionReader(name, file, lines).definition(root);
    }

    /** The tree of the document, each node's first line noted. */
    private static JsonNode node(JsonParser p, Map<JsonNode, Integer> lines, String file) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        JsonToken token = p.currentToken();
        JsonNode node;
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String entry = p.currentName();
                    int entryLine = p.currentTokenLocation().getLineNr();
                    p.nextToken();
                    if (object.has(entry)) {
                        throw new DefinitionException(file, entryLine, "“" + entry + "” is written twice here",
                                "keep one of the two");
                    }
                    object.set(entry, node(p, lines, file));
                }
                node = object;
            }
            case START_ARRAY -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(node(p, lines, file));
                }
                node = array;
            }
            case VALUE_TRUE, VALUE_FALSE -> node = BooleanNode.valueOf(token == JsonToken.VALUE_TRUE);
            case VALUE_NUMBER_INT -> node = new LongNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT -> node = new DecimalNode(p.getDecimalValue());
            case VALUE_NULL -> node = NullNode.getInstance();
            default -> node = new TextNode(p.getText());
        }
        lines.putIfAbsent(node, line);
        return node;
    }
}
