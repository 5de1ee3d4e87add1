package io.datagent.ingestion.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagent.ingestion.FileOutcome;
import io.datagent.ingestion.FileStatus;
import io.datagent.ingestion.IngestConfig;
import io.datagent.spark.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extract + load on local Spark with real Delta tables, from the recorded responses. */
class ApiLoaderTest {

  static SparkSession spark;
  static final IngestConfig TABLES = new IngestConfig(null, "apiload_raw", "apiload_serving", "", null, "t", 0, List.of(),
      io.datagent.ingestion.semantic.SemanticConfig.DISABLED);

  @TempDir
  Path uploads;

  @BeforeAll
  static void start() {
    spark = SharedSpark.get();
    SharedSpark.schemas("apiload");
  }

  static ApiSource fuel(String base) {
    return SourceDefinitions.parse("carburantes.yml", "source: carburantes\nbase_url: " + base + "\nendpoints:\n"
        + "  - path: /EstacionesTerrestres/FiltroMunicipio/52\n    table: estaciones\n    records: ListaEESSPrecio\n    id: IDEESS\n"
        + "    descriptions:\n      Precio Gasoleo A: Precio del gasóleo A (euros por litro)\n");
  }

  static ApiSource wordpress(String base) {
    return SourceDefinitions.parse("blog.yml", "source: blog\nbase_url: " + base + "\nendpoints:\n"
        + "  - path: /wp-json/wp/v2/posts\n    table: entradas_blog\n    id: id\n"
        + "    fields: [id, date, modified, slug, title, content, author]\n    html: [title, content]\n"
        + "    pagination:\n      type: page\n      per_page: 100\n");
  }

  List<FileOutcome> run(ApiSource s, String run) {
    new ApiExtractor(s, PageFetcher.standard(s, SecretLookup.DISABLED), m -> { }).run(uploads, run);
    return new ApiLoader(spark, TABLES, m -> { }).load(s, uploads, run);
  }

  @Test
  void should_type_decimal_comma_prices_and_keep_codes_as_text_when_loading_the_fuel_service() throws Exception {
    byte[] recorded = RecordedApi.resource("carburantes-filtromunicipio-52.json");
    try (RecordedApi api = new RecordedApi(r -> RecordedApi.Reply.json(recorded, Map.of("Content-Type", "application/json; charset=utf-8")))) {
      ApiSource s = fuel(api.base());
      FileOutcome o = run(s, "r1").get(0);
      assertThat(o.status()).isEqualTo(FileStatus.LOADED);
      StructType t = spark.table("apiload_serving.estaciones").schema();
      assertThat(t.apply("precio_gasoleo_a").dataType().simpleString()).isEqualTo("decimal(38,3)");
      assertThat(t.apply("precio_gasoleo_a").getComment().get()).isEqualTo("Precio del gasóleo A (euros por litro)");
      assertThat(t.apply("latitud").dataType().simpleString()).isEqualTo("decimal(38,6)");
      assertThat(t.apply("latitud").getComment().get()).isEqualTo("Latitud");
      assertThat(t.apply("c_p").dataType().simpleString()).isEqualTo("string");
      Row row = spark.sql("SELECT precio_gasoleo_a, c_p, rotulo, deleted_at FROM apiload_serving.estaciones").first();
      assertThat(row.getDecimal(0)).isEqualByComparingTo("1.229");
      assertThat(row.getString(1)).isEqualTo("02250");
      assertThat(row.isNullAt(3)).isTrue();
      Row raw = spark.sql("SELECT record, _source, _page FROM apiload_raw.estaciones").first();
      assertThat(raw.getString(0)).contains("\"IDEESS\":\"4375\"");
      assertThat(raw.getInt(2)).isEqualTo(1);
      assertThat(run(s, "r2").get(0).status()).isEqualTo(FileStatus.SKIPPED_DUPLICATE);
      assertThat(spark.sql("SELECT status FROM apiload_raw._ingestion_log WHERE file LIKE 'api/carburantes/%' ORDER BY ended_at")
          .collectAsList().stream().map(r -> r.getString(0)).toList()).containsExactly("LOADED", "SKIPPED_DUPLICATE");
    }
  }

  @Test
  void should_replace_changed_records_mark_disappeared_ones_and_change_nothing_on_a_repeat() throws Exception {
    List<List<ObjectNode>> runs = new java.util.ArrayList<>();
    try (RecordedApi api = new RecordedApi(r -> RecordedApi.Reply.json(RecordedApi.array(runs.get(runs.size() - 1)),
        RecordedApi.wordpressHeaders("", 1, 1, runs.get(runs.size() - 1).size(), 100)))) {
      ApiSource s = wordpress(api.base());
      runs.add(PaginationStylesTest.posts(1, 3));
      assertThat(run(s, "r1").get(0).status()).isEqualTo(FileStatus.LOADED);
      assertThat(titles()).isEqualTo("1=Entrada 1|r1|-, 2=Entrada 2|r1|-, 3=Entrada 3|r1|-");
      String content = spark.sql("SELECT content FROM apiload_serving.entradas_blog WHERE id = 1").first().getString(0);
      assertThat(content).startsWith("It’s an addiction. Guilty pleasure?").doesNotContain("<p>").doesNotContain("&#8217;");

      runs.add(List.of(RecordedApi.wordpressPost(1, "Entrada 1 <em>corregida</em>"), RecordedApi.wordpressPost(2, "Entrada 2")));
      run(s, "r2");
      assertThat(titles()).isEqualTo("1=Entrada 1 corregida|r2|-, 2=Entrada 2|r1|-, 3=Entrada 3|r1|borrado");

      long version = spark.sql("DESCRIBE HISTORY apiload_serving.entradas_blog").count();
      assertThat(run(s, "r3").get(0).status()).isEqualTo(FileStatus.SKIPPED_DUPLICATE);
      assertThat(titles()).isEqualTo("1=Entrada 1 corregida|r2|-, 2=Entrada 2|r1|-, 3=Entrada 3|r1|borrado");
      assertThat(spark.sql("DESCRIBE HISTORY apiload_serving.entradas_blog").count()).isEqualTo(version);

      ObjectNode bad = RecordedApi.wordpressPost(2, "Entrada 2");
      bad.put("author", "desconocido");
      runs.add(List.of(RecordedApi.wordpressPost(1, "Entrada 1 <em>corregida</em>"), bad, RecordedApi.wordpressPost(3, "Entrada 3")));
      FileOutcome o = run(s, "r4").get(0);
      assertThat(o.status()).isEqualTo(FileStatus.PARTIAL);
      assertThat(o.rowsQuarantined()).isEqualTo(1);
      assertThat(titles()).as("a quarantined record is still seen: not marked deleted; a returning one is restored")
          .isEqualTo("1=Entrada 1 corregida|r2|-, 2=Entrada 2|r1|-, 3=Entrada 3|r4|-");
      Row q = spark.sql("SELECT column, value, reason, source_file FROM apiload_raw._quarantine WHERE `table` = 'entradas_blog'").first();
      assertThat(q.getString(0)).isEqualTo("author");
      assertThat(q.getString(1)).isEqualTo("desconocido");
      assertThat(q.getString(3)).isEqualTo("api/blog/r4/entradas_blog/page-00001.json");

      // the content of r2 again: not the last one loaded, so it is loaded (a return to older data is not a repeat)
      runs.add(List.of(RecordedApi.wordpressPost(1, "Entrada 1 <em>corregida</em>"), RecordedApi.wordpressPost(2, "Entrada 2")));
      assertThat(run(s, "r5").get(0).status()).isEqualTo(FileStatus.LOADED);
      assertThat(titles()).isEqualTo("1=Entrada 1 corregida|r2|-, 2=Entrada 2|r1|-, 3=Entrada 3|r4|borrado");
    }
  }

  @Test
  void should_tell_a_repeat_from_the_source_state_or_an_older_state_from_the_log_and_reload_into_a_dropped_table() throws Exception {
    byte[] recorded = RecordedApi.resource("carburantes-filtromunicipio-52.json");
    try (RecordedApi api = new RecordedApi(r -> RecordedApi.Reply.json(recorded, Map.of("Content-Type", "application/json; charset=utf-8")))) {
      ApiSource s = SourceDefinitions.parse("carburantes.yml", "source: carburantes\nbase_url: " + api.base() + "\nendpoints:\n"
          + "  - path: /EstacionesTerrestres/FiltroMunicipio/52\n    table: estaciones_estado\n    records: ListaEESSPrecio\n    id: IDEESS\n");
      String dataset = "'api/carburantes/estaciones_estado'";
      assertThat(run(s, "r1").get(0).status()).isEqualTo(FileStatus.LOADED);
      assertThat(SourceState.read(uploads, "carburantes").loaded().get("estaciones_estado").run()).isEqualTo("r1");

      // a state written before contents were remembered: the ingestion log tells the repeat
      SourceState st = SourceState.read(uploads, "carburantes");
      new SourceState(st.highWaterMark(), st.lastRun(), st.lastStatus(), st.lastError(), st.updatedAt()).write(uploads, "carburantes");
      assertThat(run(s, "r2").get(0).status()).isEqualTo(FileStatus.SKIPPED_DUPLICATE);

      // neither the state nor the log knows the content: loaded again (the MERGE of the same records changes no row)
      spark.sql("DELETE FROM apiload_raw._ingestion_log WHERE dataset = " + dataset);
      assertThat(run(s, "r3").get(0).status()).isEqualTo(FileStatus.LOADED);
      assertThat(spark.sql("SELECT _run_id FROM apiload_serving.estaciones_estado").first().getString(0)).isEqualTo("r1");

      // the state alone tells the repeat now, without the log's rows
      spark.sql("DELETE FROM apiload_raw._ingestion_log WHERE dataset = " + dataset);
      FileOutcome repeat = run(s, "r4").get(0);
      assertThat(repeat.status()).isEqualTo(FileStatus.SKIPPED_DUPLICATE);
      assertThat(repeat.message()).contains("estaciones_estado", "r3");

      // a serving table dropped since: the same content is not "already loaded" any more
      spark.sql("DROP TABLE apiload_serving.estaciones_estado");
      assertThat(run(s, "r5").get(0).status()).isEqualTo(FileStatus.LOADED);
      assertThat(spark.table("apiload_serving.estaciones_estado").count()).isEqualTo(1);
    }
  }

  @Test
  void should_quarantine_ids_repeated_within_a_page_when_the_id_is_one_field_and_load_all_when_it_is_composite() throws Exception {
    try (RecordedApi api = RecordedApi.unpaged("esios-indicator-1001-pvpc-2024-03-09.json")) {
      // 24 hours x 5 regions: the hour alone does not identify a price
      FileOutcome hourly = run(esios(api.base(), "esios_hora", "pvpc_hora", "datetime_utc"), "h1").get(0);
      assertThat(hourly.status()).isEqualTo(FileStatus.PARTIAL);
      assertThat(hourly.rowsLoaded()).isEqualTo(24);
      assertThat(hourly.rowsQuarantined()).isEqualTo(96);
      assertThat(hourly.message()).contains("96 de ellos por un id repetido en la misma página", "id: [datetime_utc, geo_id]")
          .doesNotContain("entre páginas");
      assertThat(spark.table("apiload_raw.pvpc_hora").count()).isEqualTo(120);
      assertThat(spark.sql("SELECT geo_id FROM apiload_serving.pvpc_hora").distinct().collectAsList()).hasSize(1);
      Row q = spark.sql("SELECT column, value, reason, source_file, source_row FROM apiload_raw._quarantine "
          + "WHERE `table` = 'pvpc_hora' ORDER BY source_row").first();
      assertThat(q.getString(0)).isEqualTo("datetime_utc");
      assertThat(q.getString(1)).isEqualTo("2024-03-08T23:00:00Z");
      assertThat(q.getString(2)).isEqualTo("el id 'datetime_utc' = 2024-03-08T23:00:00Z ya apareció en el registro 1 de esta página: "
          + "el campo id no identifica un registro (¿falta un campo en la clave? id: [datetime_utc, geo_id])");
      assertThat(q.getString(3)).isEqualTo("api/esios_hora/h1/pvpc_hora/page-00001.json");
      assertThat(q.getLong(4)).isEqualTo(2);

      ApiSource composite = esios(api.base(), "esios", "pvpc", "[datetime_utc, geo_id]");
      assertThat(run(composite, "c1").get(0).status()).isEqualTo(FileStatus.LOADED);
      Row keys = spark.sql("SELECT count(*), count(DISTINCT _id), min(_id) FROM apiload_serving.pvpc").first();
      assertThat(keys.getLong(0)).isEqualTo(120);
      assertThat(keys.getLong(1)).isEqualTo(120);
      assertThat(keys.getString(2)).isEqualTo("2024-03-08T23:00:00Z | 8741");
      assertThat(spark.table("apiload_serving.pvpc").schema().apply("_id").getComment().get())
          .isEqualTo("Clave del registro: datetime_utc | geo_id");
      long version = spark.sql("DESCRIBE HISTORY apiload_serving.pvpc").count();
      assertThat(run(composite, "c2").get(0).status()).isEqualTo(FileStatus.SKIPPED_DUPLICATE);
      assertThat(spark.sql("DESCRIBE HISTORY apiload_serving.pvpc").count()).isEqualTo(version);

      FileOutcome rekeyed = run(esios(api.base(), "esios_hora", "pvpc", "datetime_utc"), "h2").get(0);
      assertThat(rekeyed.status()).isEqualTo(FileStatus.FAILED);
      assertThat(rekeyed.message()).endsWith("la tabla apiload_serving.pvpc existe con una clave compuesta (columna _id); "
          + "la clave id: datetime_utc necesita otra tabla (cambie 'table' del endpoint o borre la tabla)");
      assertThat(spark.sql("DESCRIBE HISTORY apiload_serving.pvpc").count()).isEqualTo(version);
    }
  }

  static ApiSource esios(String base, String name, String table, String id) {
    return SourceDefinitions.parse(name + ".yml", "source: " + name + "\nbase_url: " + base + "\nendpoints:\n"
        + "  - path: /indicators/1001\n    table: " + table + "\n"
        + "    records: indicator.values\n    id: " + id + "\n");
  }

  private static String titles() {
    return spark.sql("SELECT id, title, _run_id, deleted_at FROM apiload_serving.entradas_blog ORDER BY id").collectAsList().stream()
        .map(r -> r.getLong(0) + "=" + r.getString(1) + "|" + r.getString(2) + "|" + (r.isNullAt(3) ? "-" : "borrado"))
        .collect(Collectors.joining(", "));
  }
}
