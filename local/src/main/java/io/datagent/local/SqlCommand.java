package io.datagent.local;

import com.univocity.parsers.csv.CsvWriter;
import com.univocity.parsers.csv.CsvWriterSettings;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * {@code ./agent sql "<Spark SQL>"}: runs one statement against the workspace tables ({@code raw.x},
 * {@code serving.x}) and prints the result as CSV (RFC 4180 quoting) with a header row on standard output.
 */
final class SqlCommand implements Command {

  @Override
  public String name() {
    return "sql";
  }

  @Override
  public String summary() {
    return "sql \"SELECT ...\"      ejecuta una sentencia Spark SQL y muestra el resultado como CSV";
  }

  @Override
  public int run(List<String> args, LocalRuntime rt) throws Exception {
    if (args.size() != 1 || args.get(0).isBlank()) {
      System.err.println("Uso: ./agent sql \"SELECT ... FROM serving.tabla\"  (una sola sentencia entre comillas)");
      return 2;
    }
    String statement = args.get(0).strip();
    while (statement.endsWith(";")) {
      statement = statement.substring(0, statement.length() - 1).strip();
    }
    Dataset<Row> df = rt.spark().sql(statement);
    print(df, System.out);
    return 0;
  }

  static long print(Dataset<Row> df, PrintStream out) throws Exception {
    StructField[] fields = df.schema().fields();
    if (fields.length == 0) {
      df.collectAsList();
      return 0;
    }
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CsvWriterSettings settings = new CsvWriterSettings();
    settings.setQuoteEscapingEnabled(true);
    settings.setNullValue("");
    settings.setEmptyValue("\"\"");
    CsvWriter csv = new CsvWriter(w, settings);
    String[] header = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      header[i] = fields[i].name();
    }
    csv.writeHeaders(header);
    long n = 0;
    for (Iterator<Row> it = df.toLocalIterator(); it.hasNext(); n++) {
      Row r = it.next();
      Object[] values = new Object[fields.length];
      for (int i = 0; i < fields.length; i++) {
        Object v = r.get(i);
        values[i] = v instanceof java.math.BigDecimal d ? d.toPlainString() : v == null ? null : String.valueOf(v);
      }
      csv.writeRow(values);
    }
    csv.flush();
    w.flush();
    return n;
  }
}
