package io.datagent.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A location inside a configuration tree: keys (String) and list indexes (Integer), printed as a JSON path. */
record NodePath(List<Object> segments) {

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  static final NodePath ROOT = new NodePath(List.of());

  static NodePath of(Object... segments) {
    return new NodePath(List.of(segments));
  }

  NodePath key(String key) {
    return append(key);
  }

  NodePath index(int index) {
    return append(index);
  }

  NodePath append(Object segment) {
    List<Object> next = new ArrayList<>(segments);
    next.add(segment);
    return new NodePath(List.copyOf(next));
  }

  NodePath parent() {
    return segments.isEmpty() ? this : new NodePath(segments.subList(0, segments.size() - 1));
  }

  boolean startsWith(Object... prefix) {
    if (prefix.length > segments.size()) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (!prefix[i].equals(segments.get(i))) {
        return false;
      }
    }
    return true;
  }

  Object get(int i) {
    return segments.get(i);
  }

  int size() {
    return segments.size();
  }

  /** The node at this path under {@code root}, or a missing node. */
  JsonNode find(JsonNode root) {
    JsonNode node = root;
    for (Object s : segments) {
      if (node == null || node.isMissingNode()) {
        break;
      }
      node = s instanceof Integer i ? node.path(i) : node.path((String) s);
    }
    return node;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("$");
    for (Object s : segments) {
      if (s instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else if (PLAIN_KEY.matcher((String) s).matches()) {
        sb.append('.').append(s);
      } else {
        sb.append("['").append(s).append("']");
      }
    }
    return sb.toString();
  }
}
