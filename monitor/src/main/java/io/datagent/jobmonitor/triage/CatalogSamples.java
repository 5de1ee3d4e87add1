package io.datagent.jobmonitor.triage;

import io.datagent.jobmonitor.classify.ErrorCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Failure texts generated from Spark's and Delta's own error catalogues, shaped as Spark 3.5 prints them
 * ({@code org.apache.spark.sql.AnalysisException: [CLASS.SUB] message SQLSTATE: 42P01}), with plausible values in
 * the {@code <placeholders>}. Used by the classification tests and {@code ./agent bench triage}.
 */
public final class CatalogSamples {

  private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_]+)>");

  /** One sample of a catalogue entry. */
  public record Sample(ErrorCatalog.Entry entry, String text) {}

  private CatalogSamples() {}

  public static List<Sample> all(ErrorCatalog catalog) {
    List<Sample> out = new ArrayList<>();
    for (ErrorCatalog.Entry e : catalog.entries()) {
      String name = e.name();
      String message = e.message();
      if (!e.subClasses().isEmpty()) {
        var sub = e.subClasses().entrySet().iterator().next();
        name = name + "." + sub.getKey();
        message = message + " " + sub.getValue();
      }
      String exception = e.source().equals("delta") ? "org.apache.spark.sql.delta.DeltaAnalysisException"
          : e.sqlState() != null && e.sqlState().startsWith("42") ? "org.apache.spark.sql.AnalysisException"
          : "org.apache.spark.SparkException";
      String text = exception + ": [" + name + "] " + fill(message)
          + (e.sqlState() == null ? "" : " SQLSTATE: " + e.sqlState()) + "\n\tat org.apache.spark.sql.Dataset.ofRows(Dataset.scala:99)"
          + "\n\tat io.datagent.ingestion.TableLoader.load(TableLoader.java:120)";
      out.add(new Sample(e, text));
    }
    return out;
  }

  static String fill(String template) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String p = m.group(1).toLowerCase();
      String v = p.contains("table") || p.contains("relation") ? "`main`.`serving`.`cammesa_res`"
          : p.contains("column") || p.contains("field") || p.contains("objectname") ? "`fecha`"
          : p.contains("path") || p.contains("file") || p.contains("location") ? "/Volumes/main/raw/uploads/ventas.csv"
          : p.contains("type") ? "\"DATE\"" : p.contains("config") ? "\"spark.sql.ansi.enabled\""
          : p.contains("version") ? "3" : "x";
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString().replace('\n', ' ');
  }
}
