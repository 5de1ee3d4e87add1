package io.datagent.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * The Databricks CLI's bundle JSON schema (Draft 2020-12), reporting only the errors a person can act on.
 *
 * <p>Nearly every node of that schema is {@code oneOf: [the real shape, a ${var...} reference string]}, so one
 * mistake also fails the reference branch and every enclosing {@code oneOf}. Those echoes are dropped: the
 * {@code oneOf} summaries, "does not match the regex pattern ${...}" from the reference branches, and "object
 * found, string expected" from a reference branch offered for a mapping or list. If nothing else is left, the
 * echoes are kept so that no failure passes silently.
 */
final class BundleSchema {

  private static final Pattern REFERENCE_BRANCH = Pattern.compile(".*oneOf\\[\\d+]\\.type$");
  private static BundleSchema instance;

  private final JsonSchema schema;

  private BundleSchema(JsonSchema schema) {
    this.schema = schema;
  }

  /** The schema under {@code shared/schemas}, loaded once (about a second) and shared by every test. */
  static synchronized BundleSchema load() {
    if (instance == null) {
      instance = load(ProjectLayout.bundleSchema());
    }
    return instance;
  }

  static BundleSchema load(Path file) {
    try {
      JsonNode node = new ObjectMapper().readTree(file.toFile());
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).build();
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node, config);
      schema.initializeValidators();
      return new BundleSchema(schema);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundle schema " + file, e);
    }
  }

  /**
   * Validates {@code doc}; {@code locate} turns a failing path and message into a {@link Problem}.
   */
  List<Problem> validate(JsonNode doc, BiFunction<NodePath, String, Problem> locate) {
    Set<ValidationMessage> all = schema.validate(doc);
    List<ValidationMessage> kept = all.stream().filter(m -> !isEcho(m)).toList();
    List<Problem> problems = new ArrayList<>();
    (kept.isEmpty() ? all : kept).stream()
        .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
            .thenComparing(ValidationMessage::getMessage))
        .forEach(m -> problems.add(locate.apply(path(m), describe(m))));
    return problems;
  }

  private static boolean isEcho(ValidationMessage m) {
    String type = m.getType();
    if (type.equals("oneOf") || type.equals("anyOf")) {
      return true;
    }
    if (type.equals("pattern")) {
      return m.getMessage().contains("regex pattern \\$\\{(");
    }
    JsonNode instance = m.getInstanceNode();
    return type.equals("type") && instance != null && instance.isContainerNode()
        && m.getMessage().endsWith("string expected")
        && REFERENCE_BRANCH.matcher(m.getEvaluationPath().toString()).matches();
  }

  private static NodePath path(ValidationMessage m) {
    var location = m.getInstanceLocation();
    List<Object> segments = new ArrayList<>();
    for (int i = 0; i < location.getNameCount(); i++) {
      segments.add(location.getElement(i));
    }
    return new NodePath(List.copyOf(segments));
  }

  /** The validator's message without its leading path, plus the offending value when it is a scalar. */
  private static String describe(ValidationMessage m) {
    String text = m.getMessage();
    String prefix = m.getInstanceLocation() + ": ";
    if (text.startsWith(prefix)) {
      text = text.substring(prefix.length());
    }
    JsonNode instance = m.getInstanceNode();
    if (instance != null && instance.isValueNode() && !m.getType().equals("additionalProperties")) {
      text += " (value: " + instance + ")";
    }
    return text;
  }
}
