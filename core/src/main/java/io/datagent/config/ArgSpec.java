package io.datagent.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The named parameters a job or command accepts, and a strict parser for {@code --name value} argument lists.
 *
 * <p>Databricks passes {@code spark_jar_task.parameters} as a plain argv list; the same list is what {@code ./agent}
 * hands to the job classes locally. Unknown names, a missing value or a missing required parameter are refused with
 * a message that names the parameter, so a mistyped bundle parameter fails the run at once instead of being ignored.
 * The bundle test reads {@link #names()} to check every parameter a job is given in {@code resources/*.yml}.
 */
public final class ArgSpec {

  private final String program;
  private final Map<String, Param> params = new LinkedHashMap<>();

  /** One accepted parameter; {@code defaultValue} null means required (unless {@code flag}). */
  public record Param(String name, String defaultValue, boolean required, boolean flag, String help) {}

  public ArgSpec(String program) {
    this.program = program;
  }

  public ArgSpec required(String name, String help) {
    params.put(name, new Param(name, null, true, false, help));
    return this;
  }

  public ArgSpec optional(String name, String defaultValue, String help) {
    params.put(name, new Param(name, defaultValue, false, false, help));
    return this;
  }

  /** A boolean switch: {@code --name} alone means true; {@code --name false} is also accepted. */
  public ArgSpec flag(String name, String help) {
    params.put(name, new Param(name, "false", false, true, help));
    return this;
  }

  public Set<String> names() {
    return Collections.unmodifiableSet(params.keySet());
  }

  public Map<String, Param> params() {
    return Collections.unmodifiableMap(params);
  }

  public String program() {
    return program;
  }

  /** Parses {@code --name value} pairs (also {@code --name=value}); throws {@link IllegalArgumentException}. */
  public Parsed parse(String... args) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String token = args[i];
      if (!token.startsWith("--") || token.length() == 2) {
        throw new IllegalArgumentException(program + ": unexpected argument '" + token + "'; expected --name value. " + usage());
      }
      String name = token.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      Param p = params.get(name);
      if (p == null) {
        throw new IllegalArgumentException(program + ": unknown parameter --" + name + ". " + usage());
      }
      if (value == null) {
        boolean nextIsValue = i + 1 < args.length && !args[i + 1].startsWith("--");
        if (p.flag() && (!nextIsValue || !isBoolean(args[i + 1]))) {
          value = "true";
        } else if (nextIsValue) {
          value = args[++i];
        } else {
          throw new IllegalArgumentException(program + ": parameter --" + name + " needs a value (" + p.help() + ")");
        }
      }
      if (p.flag() && !isBoolean(value)) {
        throw new IllegalArgumentException(program + ": parameter --" + name + " takes true or false, got '" + value + "'");
      }
      values.put(name, value);
    }
    for (Param p : params.values()) {
      if (p.required() && !values.containsKey(p.name())) {
        throw new IllegalArgumentException(program + ": missing required parameter --" + p.name() + " (" + p.help() + ")");
      }
    }
    return new Parsed(values);
  }

  private static boolean isBoolean(String s) {
    return "true".equalsIgnoreCase(s) || "false".equalsIgnoreCase(s);
  }

  public String usage() {
    StringBuilder sb = new StringBuilder("Usage: ").append(program);
    for (Param p : params.values()) {
      sb.append(p.required() ? " --" + p.name() + " <v>" : " [--" + p.name() + (p.flag() ? "" : " <v>") + "]");
    }
    return sb.toString();
  }

  /** The values given, with the spec's defaults behind them. */
  public final class Parsed {
    private final Map<String, String> values;

    private Parsed(Map<String, String> values) {
      this.values = values;
    }

    public String get(String name) {
      Param p = params.get(name);
      if (p == null) {
        throw new IllegalArgumentException(program + ": no parameter named --" + name + " is declared");
      }
      return values.getOrDefault(name, p.defaultValue());
    }

    public Optional<String> find(String name) {
      String v = get(name);
      return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public int getInt(String name) {
      String v = get(name);
      try {
        return Integer.parseInt(v.trim());
      } catch (NumberFormatException | NullPointerException e) {
        throw new IllegalArgumentException(program + ": parameter --" + name + " must be an integer, got '" + v + "'");
      }
    }

    public boolean getBoolean(String name) {
      return Boolean.parseBoolean(get(name));
    }

    public boolean isSet(String name) {
      return values.containsKey(name);
    }
  }
}
