package io.datagent.jobmonitor.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The failure signals SignalStage looks for, by taxonomy rather than by phrasing: Java/Scala and Python exception types,
 * exception packages, Databricks run termination codes and cluster termination reasons, cloud providers' capacity,
 * quota and throttling codes, HTTP statuses and a few message phrases that name a kind of failure. Read from
 * {@code signals.tsv} next to this class; each signal has a category and a weight (how specific it is).
 */
public final class SignalCatalog {

  public static final String RESOURCE = "/io/datagent/jobmonitor/classify/signals.tsv";

  /** One signal: its kind (exc, pkg, code, http, text, pair), what it matches, what it means and how sure it is. */
  public record Signal(String kind, String pattern, Category category, double weight) {}

  private final Map<String, Signal> tokens;
  private final List<Signal> packages;
  private final Map<Integer, Signal> http;
  private final List<Signal> phrases;
  private final List<Signal> pairs;

  private SignalCatalog(Map<String, Signal> tokens, List<Signal> packages, Map<Integer, Signal> http,
      List<Signal> phrases, List<Signal> pairs) {
    this.tokens = Collections.unmodifiableMap(tokens);
    this.packages = List.copyOf(packages);
    this.http = Collections.unmodifiableMap(http);
    this.phrases = List.copyOf(phrases);
    this.pairs = List.copyOf(pairs);
  }

  public static SignalCatalog load() {
    try (InputStream in = SignalCatalog.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
  }

  static SignalCatalog parse(BufferedReader r) throws IOException {
    Map<String, Signal> tokens = new HashMap<>();
    List<Signal> packages = new ArrayList<>();
    Map<Integer, Signal> http = new HashMap<>();
    List<Signal> phrases = new ArrayList<>();
    List<Signal> pairs = new ArrayList<>();
    int n = 0;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 4) {
        throw new IllegalArgumentException(RESOURCE + ":" + n + ": expected 4 tab-separated fields, got " + f.length);
      }
      Signal s = new Signal(f[0], f[1], Category.parse(f[2]), Double.parseDouble(f[3]));
      switch (s.kind()) {
        case "exc", "code" -> {
          if (tokens.putIfAbsent(s.pattern(), s) != null) {
            throw new IllegalArgumentException(RESOURCE + ":" + n + ": duplicate signal " + s.pattern());
          }
        }
        case "pkg" -> packages.add(s);
        case "http" -> http.put(Integer.parseInt(s.pattern()), s);
        case "text" -> phrases.add(s);
        case "pair" -> pairs.add(s);
        default -> throw new IllegalArgumentException(RESOURCE + ":" + n + ": unknown kind " + s.kind());
      }
    }
    return new SignalCatalog(tokens, packages, http, phrases, pairs);
  }

  /** The exception type or error code spelled exactly {@code token}; null when unknown. */
  public Signal token(String token) {
    return tokens.get(token);
  }

  /** Every exception type and error code, as written in the table. */
  public java.util.Set<String> tokenNames() {
    return tokens.keySet();
  }

  public List<Signal> packages() {
    return packages;
  }

  public Signal http(int status) {
    return http.get(status);
  }

  public List<Signal> phrases() {
    return phrases;
  }

  public List<Signal> pairs() {
    return pairs;
  }

  public int size() {
    return tokens.size() + packages.size() + http.size() + phrases.size() + pairs.size();
  }
}
