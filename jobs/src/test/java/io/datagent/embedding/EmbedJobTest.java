package io.datagent.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.testkit.FakeWorkspace;
import io.datagent.retrieval.EmbeddingException;
import io.datagent.spark.SharedSpark;
import io.datagent.spark.Sql;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * EmbedJob on the shared local Spark with real Delta tables and the real ONNX model: documents of every kind, the
 * incremental MERGE, and bad input. The steps share one schema and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbedJobTest {

  static final String PREFIX = "embedjob";
  static SparkSession spark;
  static Path uploads;

  static final StructType CENTRALES = new StructType()
      .add("central", DataTypes.StringType, true, comment("CENTRAL"))
      .add("agente_descripcion", DataTypes.StringType, true, comment("AGENTE DESCRIPCION"))
      .add("potencia_instalada_mw", DataTypes.createDecimalType(38, 3), true, comment("POTENCIA INSTALADA [MW]"))
      .add("_source_file", DataTypes.StringType)
      .add("_source_row", DataTypes.LongType);

  static Metadata comment(String c) {
    return new org.apache.spark.sql.types.MetadataBuilder().putString("comment", c).build();
  }

  @BeforeAll
  static void data() throws Exception {
    spark = SharedSpark.get();
    SharedSpark.schemas(PREFIX);
    List<Row> rows = new ArrayList<>(firstFourRows("25.000", "184.400"));
    rows.add(RowFactory.create("EMOJ", "⚡ Central 電力 Ελλάδα 😀", new BigDecimal("2"), "p.csv", 6L));
    writeCentrales(rows);
    spark.sql("COMMENT ON TABLE " + serving("centrales") + " IS 'Centrales y su potencia instalada'");
    spark.createDataFrame(List.of(), CENTRALES).write().format("delta").saveAsTable(serving("vacia"));
    uploads = Files.createTempDirectory("uploads-embed");
    Files.createDirectories(uploads.resolve("_docs"));
    Files.writeString(uploads.resolve("_docs/notas.txt"), "Notas de la planta.\n\nLa central ABRO usa motores diésel.\n");
    Files.writeString(uploads.resolve("LEEME.md"), "# Cargas\n\nSuba aquí los archivos de la semana.\n");
    Files.writeString(uploads.resolve("vacio.md"), "");
    Files.write(uploads.resolve("binario.md"), new byte[] {'#', ' ', 0, 1, 2});
    Files.writeString(uploads.resolve("datos.txt"), "a;b\n1;2\n"); // data for IngestJob, not a passage
  }

  static String serving(String table) {
    return "`" + PREFIX + "_serving`.`" + table + "`";
  }

  /** ABRO and ACAJ with the given power, a row of nulls and a row with a 100 KB cell. */
  static List<Row> firstFourRows(String abroMw, String acajMw) {
    return List.of(
        RowFactory.create("ABRO", "C.T. ALMIRANTE BROWN", new BigDecimal(abroMw), "p.csv", 2L),
        RowFactory.create("ACAJ", "C.T. AGUA DEL CAJON", new BigDecimal(acajMw), "p.csv", 3L),
        RowFactory.create(null, null, null, "p.csv", 4L), // a row of nulls
        RowFactory.create("BIGG", "x ".repeat(50_000), new BigDecimal("1"), "p.csv", 5L)); // a 100 KB cell
  }

  static void writeCentrales(List<Row> rows) {
    spark.createDataFrame(rows, CENTRALES).write().format("delta").mode("overwrite").saveAsTable(serving("centrales"));
  }

  static EmbedConfig config(Map<String, String> env, String... extra) {
    List<String> args = new ArrayList<>(List.of("--serving-schema", PREFIX + "_serving", "--raw-schema", PREFIX + "_raw",
        "--uploads", uploads.toString(), "--batch-size", "8", "--max-chars", "400"));
    args.addAll(List.of(extra));
    return EmbedJob.config(env, args.toArray(String[]::new));
  }

  static long version(String table) {
    return spark.sql("DESCRIBE HISTORY " + serving(table) + " LIMIT 1").first().getLong(0);
  }

  /** The table's Change Data Feed property as SHOW TBLPROPERTIES reports it (a sentence when it is not set). */
  static String changeDataFeed(String table) {
    return spark.sql("SHOW TBLPROPERTIES " + serving(table) + " ('delta.enableChangeDataFeed')").first().getString(1);
  }

  static List<String> ids(String table) {
    return spark.sql("SELECT id FROM " + serving(table) + " ORDER BY id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
  }

  @Test
  @Order(1)
  void should_build_documents_of_every_kind_and_embed_them_all_on_the_first_run() {
    // when
    EmbedReport r = EmbedJob.run(spark, config(Map.of()));

    // then
    assertThat(r.tableCards()).isEqualTo(2);
    assertThat(r.passages()).isEqualTo(2); // notas.txt (two short paragraphs, one passage) and LEEME.md
    assertThat(r.embedded()).isEqualTo(r.documents());
    assertThat(r.skipped()).anyMatch(s -> s.contains("vacia") && s.contains("vacía"))
        .anyMatch(s -> s.contains("1 fila(s) con todas las celdas vacías"))
        .anyMatch(s -> s.contains("vacio.md") && s.contains("vacío"))
        .anyMatch(s -> s.contains("binario.md") && s.contains("binario"));
    List<String> ids = ids("document_embeddings");
    assertThat(ids).isEqualTo(ids("documents"))
        .contains("table_card:centrales", "table_card:vacia", "row:centrales:p.csv:2", "row:centrales:p.csv:6",
            "row:centrales:p.csv:5", "row:centrales:p.csv:5:1", "passage:LEEME.md:3", "passage:_docs/notas.txt:1")
        .doesNotContain("row:centrales:p.csv:4")
        .noneMatch(id -> id.contains("datos.txt"));
    Row m = spark.sql("SELECT min(model), max(model), min(dimension), max(size(vector)), count(*) FROM "
        + serving("document_embeddings")).first();
    assertThat(m.getString(0)).isEqualTo("onnx/all-minilm-l6-v2-q").isEqualTo(m.getString(1));
    assertThat(m.getInt(2)).isEqualTo(384);
    assertThat(m.getInt(3)).isEqualTo(384);
    String card = spark.sql("SELECT text FROM " + serving("documents") + " WHERE id = 'table_card:centrales'").first().getString(0);
    assertThat(card).contains("Centrales y su potencia instalada", "potencia_instalada_mw (número decimal)", "ABRO");
    String emoji = spark.sql("SELECT text FROM " + serving("documents") + " WHERE id = 'row:centrales:p.csv:6'").first().getString(0);
    assertThat(emoji).contains("⚡ Central 電力 Ελλάδα 😀").contains("Potencia instalada [MW]: 2");
  }

  @Test
  @Order(2)
  void should_create_the_embeddings_table_with_change_data_feed_on_and_leave_documents_without_it() {
    // given: the first run (order 1) created both tables; LocalSpark makes Delta's default for new tables false

    // then
    assertThat(changeDataFeed("document_embeddings")).isEqualTo("true");
    assertThat(changeDataFeed("documents")).isNotEqualTo("true");
    assertThat(spark.sql("DESCRIBE HISTORY " + serving("document_embeddings")).count()).isEqualTo(1); // one CTAS, no ALTER
  }

  @Test
  @Order(3)
  void should_embed_nothing_and_commit_nothing_when_nothing_changed() {
    // given
    long emb = version("document_embeddings");
    long docs = version("documents");

    // when
    EmbedReport r = EmbedJob.run(spark, config(Map.of()));

    // then
    assertThat(r.embedded()).isZero();
    assertThat(r.deleted()).isZero();
    assertThat(r.unchanged()).isEqualTo(r.documents());
    assertThat(version("document_embeddings")).isEqualTo(emb);
    assertThat(version("documents")).isEqualTo(docs);
  }

  @Test
  @Order(4)
  void should_embed_only_the_changed_row_and_remove_the_deleted_one_in_one_commit() {
    // given: ACAJ changes its power, EMOJ disappears
    writeCentrales(firstFourRows("25.000", "190.000"));
    long emb = version("document_embeddings");

    // when
    EmbedReport r = EmbedJob.run(spark, config(Map.of()));

    // then: the changed row and the table card (its examples and ranges changed) are embedded again
    assertThat(r.embedded()).isEqualTo(2);
    assertThat(r.deleted()).isEqualTo(1);
    assertThat(version("document_embeddings")).isEqualTo(emb + 1);
    assertThat(ids("document_embeddings")).doesNotContain("row:centrales:p.csv:6");
    assertThat(spark.sql("SELECT text FROM " + serving("document_embeddings") + " WHERE id = 'row:centrales:p.csv:3'")
        .first().getString(0)).contains("Potencia instalada [MW]: 190");
  }

  @Test
  @Order(5)
  void should_refuse_to_mix_models_and_leave_the_table_untouched() throws Exception {
    // given: an endpoint with another model
    FakeWorkspace server = endpoint(3, 3);
    try {
      long emb = version("document_embeddings");

      // when / then
      assertThatThrownBy(() -> EmbedJob.run(spark, config(env(server), "--provider", "databricks", "--endpoint", "gte")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("onnx/all-minilm-l6-v2-q").hasMessageContaining("databricks/gte").hasMessageContaining("--rebuild");
      assertThat(version("document_embeddings")).isEqualTo(emb);
    } finally {
      server.close();
    }
  }

  @Test
  @Order(6)
  void should_write_nothing_when_the_endpoint_returns_a_wrong_dimension_mid_run() throws Exception {
    // given: the probe says 3 dimensions, later answers have 4
    FakeWorkspace server = endpoint(3, 4);
    try {
      long emb = version("document_embeddings");

      // when / then
      assertThatThrownBy(() -> EmbedJob.run(spark, config(env(server), "--provider", "databricks", "--endpoint", "gte", "--rebuild")))
          .hasStackTraceContaining("4 dimensiones");
      assertThat(version("document_embeddings")).isEqualTo(emb);
      assertThat(spark.sql("SELECT DISTINCT model FROM " + serving("document_embeddings")).count()).isEqualTo(1);
    } finally {
      server.close();
    }
  }

  @Test
  @Order(7)
  void should_fail_before_writing_when_the_endpoint_is_unreachable() {
    long emb = version("document_embeddings");
    assertThatThrownBy(() -> EmbedJob.run(spark, config(Map.of("DATABRICKS_HOST", "http://127.0.0.1:9", "DATABRICKS_TOKEN", "t"),
        "--provider", "databricks", "--endpoint", "gte", "--rebuild", "--timeout-seconds", "1")))
        .isInstanceOf(EmbeddingException.class).hasMessageContaining("gte");
    assertThat(version("document_embeddings")).isEqualTo(emb);
  }

  @Test
  @Order(8)
  void should_keep_change_data_feed_on_when_rebuilding() {
    // given
    long emb = version("document_embeddings");

    // when
    EmbedReport r = EmbedJob.run(spark, config(Map.of(), "--rebuild"));

    // then: everything embedded again in one CREATE OR REPLACE commit that keeps the property
    assertThat(r.embedded()).isEqualTo(r.documents());
    assertThat(version("document_embeddings")).isEqualTo(emb + 1);
    assertThat(spark.sql("DESCRIBE HISTORY " + serving("document_embeddings") + " LIMIT 1").select("operation").first()
        .getString(0)).contains("REPLACE");
    assertThat(changeDataFeed("document_embeddings")).isEqualTo("true");
  }

  @Test
  @Order(9)
  void should_turn_on_change_data_feed_in_an_embeddings_table_created_without_it_and_commit_nothing_on_the_next_unchanged_run() {
    // given: the same vectors in a table created anew without the property (as an older EmbedJob did)
    spark.sql("CREATE TABLE " + serving("_embeddings_copy") + " USING delta AS SELECT * FROM " + serving("document_embeddings"));
    spark.sql("DROP TABLE " + serving("document_embeddings"));
    spark.sql("CREATE TABLE " + serving("document_embeddings") + " USING delta AS SELECT * FROM " + serving("_embeddings_copy"));
    spark.sql("DROP TABLE " + serving("_embeddings_copy"));
    assertThat(changeDataFeed("document_embeddings")).isNotEqualTo("true");
    long emb = version("document_embeddings");
    long docs = version("documents");

    // when
    EmbedReport first = EmbedJob.run(spark, config(Map.of()));

    // then: nothing embedded, one commit (the ALTER TABLE) that turns the feed on
    assertThat(first.embedded()).isZero();
    assertThat(first.deleted()).isZero();
    assertThat(changeDataFeed("document_embeddings")).isEqualTo("true");
    assertThat(version("document_embeddings")).isEqualTo(emb + 1);
    assertThat(version("documents")).isEqualTo(docs);
    assertThat(changeDataFeed("documents")).isNotEqualTo("true");

    // when: run again on the same data
    EmbedReport second = EmbedJob.run(spark, config(Map.of()));

    // then: no commit at all
    assertThat(second.embedded()).isZero();
    assertThat(version("document_embeddings")).isEqualTo(emb + 1);
    assertThat(changeDataFeed("document_embeddings")).isEqualTo("true");
  }

  @Test
  @Order(10)
  void should_turn_on_change_data_feed_when_the_property_is_missing_and_record_the_next_merge_in_the_feed() {
    // given: the property absent altogether (a table created where Delta's default is unset, as on Databricks),
    // and a changed row
    spark.sql("ALTER TABLE " + serving("document_embeddings") + " UNSET TBLPROPERTIES ('delta.enableChangeDataFeed')");
    assertThat(changeDataFeed("document_embeddings")).contains("does not have property");
    writeCentrales(firstFourRows("200.000", "190.000"));
    long emb = version("document_embeddings");

    // when
    EmbedReport r = EmbedJob.run(spark, config(Map.of()));

    // then: the ALTER, then the MERGE, whose changes the feed has
    assertThat(r.embedded()).isEqualTo(2); // ABRO's row and the table card (its power range now ends at 200)
    assertThat(changeDataFeed("document_embeddings")).isEqualTo("true");
    assertThat(version("document_embeddings")).isEqualTo(emb + 2);
    List<String> changed = spark.sql("SELECT id FROM table_changes('" + PREFIX + "_serving.document_embeddings', " + (emb + 2)
        + ") WHERE _change_type = 'update_postimage' ORDER BY id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(changed).containsExactly("row:centrales:p.csv:2", "table_card:centrales");
  }

  @Test
  @Order(11)
  void should_refuse_bad_parameters_with_the_parameter_named() {
    assertThatThrownBy(() -> EmbedJob.config(Map.of(), "--provider", "openai")).hasMessageContaining("--provider");
    assertThatThrownBy(() -> EmbedJob.config(Map.of(), "--provider", "databricks")).hasMessageContaining("--endpoint");
    assertThatThrownBy(() -> EmbedJob.config(Map.of(), "--batch-size", "0")).hasMessageContaining("--batch-size");
    assertThat(EmbedJob.argSpec().names()).contains("catalog", "serving-schema", "raw-schema", "uploads", "provider",
        "endpoint", "batch-size", "rebuild");
  }

  @Test
  @Order(12)
  void should_read_nothing_when_only_maintenance_touched_the_tables_since_the_last_run() {
    // given: the source and the embeddings table compacted (OPTIMIZE commits, no data change)
    long source = version("centrales");
    spark.sql("OPTIMIZE " + serving("centrales"));
    assertThat(version("centrales")).isGreaterThan(source);
    spark.sql("OPTIMIZE " + serving("document_embeddings"));
    long emb = version("document_embeddings");
    long docs = version("documents");
    List<String> log = new ArrayList<>();

    // when
    EmbedReport r = EmbedJob.run(spark, config(Map.of()), log::add);

    // then: decided from the Delta logs, with the document counts of the last run
    assertThat(log).anyMatch(l -> l.contains("no se lee ni se vectoriza nada"));
    assertThat(log).noneMatch(l -> l.contains("documentos construidos"));
    assertThat(r.embedded()).isZero();
    assertThat(r.documents()).isEqualTo(spark.table(serving("documents")).count());
    assertThat(r.unchanged()).isEqualTo(r.documents());
    assertThat(version("document_embeddings")).isEqualTo(emb);
    assertThat(version("documents")).isEqualTo(docs);
  }

  @Test
  @Order(13)
  void should_compare_every_document_again_when_a_table_is_rewritten_even_with_the_same_rows() {
    // given: the same rows written again (a new table version)
    List<Row> same = spark.table(serving("centrales")).collectAsList();
    writeCentrales(same);
    long emb = version("document_embeddings");
    List<String> log = new ArrayList<>();

    // when
    EmbedReport r = EmbedJob.run(spark, config(Map.of()), log::add);

    // then: the full comparison ran, found nothing to embed and committed nothing
    assertThat(log).anyMatch(l -> l.contains("documentos construidos"));
    assertThat(r.embedded()).isZero();
    assertThat(r.deleted()).isZero();
    assertThat(version("document_embeddings")).isEqualTo(emb);
  }

  @Test
  @Order(14)
  void should_embed_a_new_upload_and_then_read_nothing_on_the_next_run() throws Exception {
    // given
    Files.writeString(uploads.resolve("_docs/turnos.txt"), "Turnos de guardia.\n\nEl turno de noche cubre la central ACAJ.\n");

    // when
    EmbedReport first = EmbedJob.run(spark, config(Map.of()));
    List<String> log = new ArrayList<>();
    EmbedReport second = EmbedJob.run(spark, config(Map.of()), log::add);

    // then
    assertThat(first.embedded()).isPositive();
    assertThat(ids("document_embeddings")).anyMatch(id -> id.startsWith("passage:_docs/turnos.txt:"));
    assertThat(second.embedded()).isZero();
    assertThat(log).anyMatch(l -> l.contains("no se lee ni se vectoriza nada"));
  }

  @Test
  @Order(15)
  void should_restore_a_vector_deleted_by_hand_since_the_last_run() {
    // given: someone deletes a vector (a commit EmbedJob did not make)
    spark.sql("DELETE FROM " + serving("document_embeddings") + " WHERE id = 'row:centrales:p.csv:3'");

    // when
    EmbedReport r = EmbedJob.run(spark, config(Map.of()));

    // then
    assertThat(r.embedded()).isEqualTo(1);
    assertThat(ids("document_embeddings")).contains("row:centrales:p.csv:3");
  }

  @Test
  @Order(16)
  void should_wait_until_the_index_reports_its_sync_finished_when_vector_search_is_on() {
    // given: the Databricks provider and a TRIGGERED index that updates for 2 reads after a sync (last: it rebuilds
    // the table with another model)
    String index = "main.embedjob_serving.document_embeddings_index";
    FakeWorkspace server = endpoint(3, 3);
    server.vectorSearch().index(index, 0).syncTakes(index, 2);
    IndexSyncWait.Limits fast = new IndexSyncWait.Limits(java.time.Duration.ofSeconds(5),
        java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(4), java.time.Duration.ofSeconds(5));
    List<String> log = new ArrayList<>();
    try {
      // when
      EmbedReport r = EmbedJob.run(spark, config(env(server), "--provider", "databricks", "--endpoint", "gte",
          "--rebuild", "--vector-search", "true", "--vector-search-index", index), fast, log::add);

      // then: one sync, waited for until the index was idle with the new version processed, before the summary
      assertThat(r.embedded()).isPositive();
      assertThat(server.vectorSearch().syncs(index)).isEqualTo(1);
      assertThat(server.vectorSearch().processedVersion(index)).isEqualTo(server.vectorSearch().sourceVersion(index));
      assertThat(log).filteredOn(l -> l.contains(index) && l.contains("ONLINE_TRIGGERED_UPDATE")).hasSize(2);
      assertThat(log.get(log.size() - 2)).contains("sincronización terminada").contains("ONLINE_NO_PENDING_UPDATE");
    } finally {
      server.close();
    }
  }

  static Map<String, String> env(FakeWorkspace ws) {
    return Map.of("DATABRICKS_HOST", ws.url(), "DATABRICKS_TOKEN", "dapi-test");
  }

  /** A serving endpoint on the fake workspace: the first answer has {@code firstDim} values per vector, the rest {@code laterDim}. */
  static FakeWorkspace endpoint(int firstDim, int laterDim) {
    FakeWorkspace ws = new FakeWorkspace();
    ws.auth().allowToken("dapi-test");
    ws.serving().dimension("gte", firstDim).dimensionAfterFirstCall("gte", laterDim);
    return ws;
  }
}
