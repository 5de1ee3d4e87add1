package io.datagent.agent.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The functions agent SQL may call: an allow-list, Spark's built-in catalogue minus what reaches outside the data or
 * can exhaust the machine.
 *
 * <p>The catalogue ({@code spark-builtin-functions.txt}) is Spark 3.5's {@code FunctionRegistry.builtin}, read from
 * the spark-catalyst JAR; a test in the local module fails when the running Spark's registry differs, so a Spark
 * upgrade forces a review of new functions instead of letting them through. Anything not in the catalogue (user
 * functions, Databricks-only functions such as {@code ai_query} or {@code secret}, qualified names) is refused.
 *
 * <p>NOTE: names are compared after {@link #normalize}: Unicode NFKC, quotes stripped, lower case, so
 * {@code `REFLECT`} and {@code ｒｅｆｌｅｃｔ} are the same function as {@code reflect}.
 */
public final class SparkFunctions {

  /** Built-ins that are refused, with the reason given to the model (Spanish, as every user-facing message). */
  static final Map<String, String> DENIED = Map.ofEntries(
      Map.entry("reflect", "ejecuta código Java"),
      Map.entry("java_method", "ejecuta código Java"),
      Map.entry("try_reflect", "ejecuta código Java"),
      Map.entry("input_file_name", "revela rutas de archivos"),
      Map.entry("input_file_block_start", "revela rutas de archivos"),
      Map.entry("input_file_block_length", "revela rutas de archivos"),
      Map.entry("xpath", "procesa XML con entidades externas"),
      Map.entry("xpath_boolean", "procesa XML con entidades externas"),
      Map.entry("xpath_double", "procesa XML con entidades externas"),
      Map.entry("xpath_float", "procesa XML con entidades externas"),
      Map.entry("xpath_int", "procesa XML con entidades externas"),
      Map.entry("xpath_long", "procesa XML con entidades externas"),
      Map.entry("xpath_number", "procesa XML con entidades externas"),
      Map.entry("xpath_short", "procesa XML con entidades externas"),
      Map.entry("xpath_string", "procesa XML con entidades externas"),
      Map.entry("raise_error", "provoca errores a propósito"),
      Map.entry("assert_true", "provoca errores a propósito"),
      Map.entry("version", "revela la versión del motor"),
      Map.entry("spark_partition_id", "depende de la ejecución, no de los datos"),
      Map.entry("repeat", "puede generar textos enormes"),
      Map.entry("space", "puede generar textos enormes"),
      Map.entry("array_repeat", "puede generar listas enormes"),
      Map.entry("sequence", "puede generar listas enormes"),
      Map.entry("range", "genera filas sin leer datos"),
      Map.entry("sql_keywords", "no lee datos"));

  private static final Set<String> BUILTIN = load("spark-builtin-functions.txt");

  private SparkFunctions() {}

  /** Spark's built-in catalogue as shipped (lower case). */
  public static Set<String> builtin() {
    return BUILTIN;
  }

  /** Whether agent SQL may call {@code name} (any spelling; see {@link #normalize}). */
  public static boolean allowed(String name) {
    String n = normalize(name);
    return BUILTIN.contains(n) && !DENIED.containsKey(n);
  }

  /** Why {@code name} is refused, in Spanish, or null when it is allowed. */
  public static String refusal(String name) {
    String n = normalize(name);
    if (DENIED.containsKey(n)) {
      return "la función " + n + " no está permitida (" + DENIED.get(n) + ")";
    }
    if (!BUILTIN.contains(n)) {
      return "la función " + name + " no es una función integrada permitida de Spark SQL";
    }
    return null;
  }

  /**
   * The name Spark resolves: NFKC-folded (full-width and compatibility characters become ASCII), surrounding
   * backticks or double quotes removed (doubled quote characters inside unescaped), lower case (Spark's function
   * lookup is case-insensitive).
   */
  public static String normalize(String name) {
    if (name == null) {
      return "";
    }
    String n = java.text.Normalizer.normalize(name.strip(), java.text.Normalizer.Form.NFKC);
    if (n.length() >= 2 && n.charAt(0) == '`' && n.charAt(n.length() - 1) == '`') {
      n = n.substring(1, n.length() - 1).replace("``", "`");
    } else if (n.length() >= 2 && n.charAt(0) == '"' && n.charAt(n.length() - 1) == '"') {
      n = n.substring(1, n.length() - 1).replace("\"\"", "\"");
    }
    return n.toLowerCase(Locale.ROOT);
  }

  private static Set<String> load(String resource) {
    try (InputStream in = SparkFunctions.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " beside " + SparkFunctions.class.getName());
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
