package io.datagent.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Substitutes {@code ${var.*}}, {@code ${bundle.name}} and {@code ${bundle.target}} into a target's view, as the CLI
 * does before it deploys: a string that is exactly one reference takes the variable's typed value (a number, a
 * boolean, a whole mapping for a complex variable); a reference inside a longer string is replaced by its text.
 *
 * <p>Variables may refer to variables. Unknown references are left in place for {@link ReferenceCheck} to report;
 * a cycle is reported here.
 */
final class VariableResolver {

  static final Pattern REFERENCE = Pattern.compile("\\$\\{([^{}]*)}");
  static final Pattern VARIABLE = Pattern.compile("var\\.([A-Za-z][\\w-]*)((?:\\.[A-Za-z][\\w-]*|\\[\\d+])*)");
  /** The CLI's limit on rounds of resolution (variables referring to variables). */
  private static final int MAX_ROUNDS = 11;
  private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z][\\w-]*)|\\[(\\d+)]");

  private final TargetView view;
  private final Map<String, JsonNode> resolved = new HashMap<>();
  private final Set<String> resolving = new LinkedHashSet<>();
  private final List<Problem> problems = new ArrayList<>();

  VariableResolver(TargetView view) {
    this.view = view;
  }

  /** The target's configuration with variables substituted. */
  ObjectNode resolve() {
    return (ObjectNode) substitute(view.config());
  }

  /** A variable's value with its own references substituted, or null if the variable is not declared. */
  JsonNode value(String name) {
    if (resolved.containsKey(name)) {
      return resolved.get(name);
    }
    JsonNode raw = view.variables().get(name);
    if (raw == null) {
      return null;
    }
    if (!resolving.add(name)) {
      NodePath at = NodePath.of("variables", name);
      problems.add(view.problem(at, "variables refer to each other in a cycle: " + String.join(" -> ", resolving) + " -> " + name));
      return raw;
    }
    JsonNode value = substitute(raw);
    resolving.remove(name);
    resolved.put(name, value);
    return value;
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }

  private JsonNode substitute(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = node.deepCopy();
      node.fields().forEachRemaining(e -> out.set(e.getKey(), substitute(e.getValue())));
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = ((ArrayNode) node).arrayNode();
      node.forEach(item -> out.add(substitute(item)));
      return out;
    }
    return node.isTextual() ? substitute(node.asText(), 0) : node;
  }

  private JsonNode substitute(String text, int round) {
    if (round > MAX_ROUNDS) {
      return new TextNode(text);
    }
    Matcher whole = REFERENCE.matcher(text);
    if (whole.matches()) {
      JsonNode typed = lookup(whole.group(1));
      if (typed != null) {
        return typed.isTextual() ? substitute(typed.asText(), round + 1) : typed.deepCopy();
      }
      return new TextNode(text);
    }
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      JsonNode value = lookup(m.group(1));
      String replacement = value == null || value.isContainerNode() ? m.group() : value.asText();
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    String result = out.toString();
    return new TextNode(result.equals(text) ? text : substitute(result, round + 1).asText());
  }

  private JsonNode lookup(String reference) {
    if (reference.equals("bundle.name")) {
      return view.config().path("bundle").get("name");
    }
    if (reference.equals("bundle.target")) {
      return new TextNode(view.target());
    }
    Matcher v = VARIABLE.matcher(reference);
    if (!v.matches()) {
      return null;
    }
    JsonNode value = value(v.group(1));
    Matcher segment = SEGMENT.matcher(v.group(2));
    while (value != null && segment.find()) {
      value = segment.group(1) != null ? value.get(segment.group(1)) : value.get(Integer.parseInt(segment.group(2)));
    }
    return value;
  }
}
