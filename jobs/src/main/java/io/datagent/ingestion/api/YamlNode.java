package io.datagent.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A node of a source file with its key path, so every complaint names the file and the key ({@code endpoints[1].table}). */
record YamlNode(String file, String path, JsonNode node) {

  SourceDefinitionException error(String what) {
    return new SourceDefinitionException("Fuente " + file + ": " + (path.isEmpty() ? "" : "clave '" + path + "': ") + what);
  }

  private String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    return node.hasNonNull(key);
  }

  YamlNode child(String key) {
    if (!node.hasNonNull(key)) {
      throw new YamlNode(file, at(key), null).error("falta (es obligatoria)");
    }
    return new YamlNode(file, at(key), node.get(key));
  }

  /** Refuses keys outside {@code allowed} (a typo would otherwise be silently ignored). */
  YamlNode only(Set<String> allowed) {
    if (!node.isObject()) {
      throw error("debe ser un mapa de claves");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new YamlNode(file, at(k), null).error("clave desconocida; se admiten " + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
    return this;
  }

  String text(String key) {
    YamlNode c = child(key);
    if (!c.node.isValueNode() || c.node.asText().isBlank()) {
      throw c.error("debe ser un texto no vacío");
    }
    return c.node.asText().trim();
  }

  String text(String key, String otherwise) {
    return has(key) ? text(key) : otherwise;
  }

  int integer(String key, int otherwise, int min, int max) {
    if (!has(key)) {
      return otherwise;
    }
    YamlNode c = child(key);
    if (!c.node.canConvertToInt() || !c.node.isIntegralNumber() || c.node.asInt() < min || c.node.asInt() > max) {
      throw c.error("debe ser un número entero entre " + min + " y " + max + ", no '" + c.node.asText() + "'");
    }
    return c.node.asInt();
  }

  double number(String key, double otherwise, double minExclusive) {
    if (!has(key)) {
      return otherwise;
    }
    YamlNode c = child(key);
    if (!c.node.isNumber() || c.node.asDouble() <= minExclusive) {
      throw c.error("debe ser un número mayor que " + (long) minExclusive + ", no '" + c.node.asText() + "'");
    }
    return c.node.asDouble();
  }

  List<String> texts(String key) {
    if (!has(key)) {
      return List.of();
    }
    YamlNode c = child(key);
    if (!c.node.isArray()) {
      throw c.error("debe ser una lista");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < c.node.size(); i++) {
      JsonNode v = c.node.get(i);
      if (!v.isValueNode() || v.asText().isBlank()) {
        throw new YamlNode(file, c.path + "[" + i + "]", v).error("debe ser un texto no vacío");
      }
      out.add(v.asText().trim());
    }
    return out;
  }

  Map<String, String> textMap(String key) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!has(key)) {
      return out;
    }
    YamlNode c = child(key);
    if (!c.node.isObject()) {
      throw c.error("debe ser un mapa de claves");
    }
    c.node.fields().forEachRemaining(e -> {
      if (!e.getValue().isValueNode()) {
        throw new YamlNode(file, c.at(e.getKey()), e.getValue()).error("debe ser un texto");
      }
      out.put(e.getKey(), e.getValue().asText());
    });
    return out;
  }

  List<YamlNode> list(String key) {
    YamlNode c = child(key);
    if (!c.node.isArray() || c.node.isEmpty()) {
      throw c.error("debe ser una lista con al menos un elemento");
    }
    List<YamlNode> out = new ArrayList<>();
    for (int i = 0; i < c.node.size(); i++) {
      out.add(new YamlNode(file, c.path + "[" + i + "]", c.node.get(i)));
    }
    return out;
  }
}
