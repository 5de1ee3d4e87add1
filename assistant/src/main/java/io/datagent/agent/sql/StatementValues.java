package io.datagent.agent.sql;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Locale;

/** Turns the strings of a JSON_ARRAY result into Java values by the column's {@code type_name}. */
final class StatementValues {

  private StatementValues() {}

  static Object convert(JsonNode v, String typeName) {
    if (v == null || v.isNull()) {
      return null;
    }
    String s = v.asText();
    try {
      return switch (typeName.toUpperCase(Locale.ROOT)) {
        case "BYTE", "SHORT", "INT", "LONG", "TINYINT", "SMALLINT", "INTEGER", "BIGINT" -> Long.parseLong(s);
        case "DECIMAL" -> new BigDecimal(s);
        case "FLOAT", "DOUBLE" -> Double.parseDouble(s);
        case "BOOLEAN" -> Boolean.parseBoolean(s);
        default -> s;
      };
    } catch (NumberFormatException e) {
      return s;
    }
  }
}
