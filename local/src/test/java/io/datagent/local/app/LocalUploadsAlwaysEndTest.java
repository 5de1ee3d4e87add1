package io.datagent.local.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.app.uploads.IngestionProgress;
import io.datagent.app.uploads.UploadStatus;
import io.datagent.local.LocalRuntime;
import io.datagent.local.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Uploads run the way the App runs them: Spark opened on one background thread (the App's warm-up), the ingestion on
 * another (the upload worker), neither of them the thread that owns the session. Every upload must end, on the
 * Delta catalog, and a failure must say why.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalUploadsAlwaysEndTest {

  static LocalRuntime rt;
  static LocalIngestionJobs jobs;

  @BeforeAll
  static void start() throws Exception {
    rt = new LocalRuntime(new Workspace(Files.createTempDirectory("ws-always-end")).create(), Path.of("."));
    ExecutorService warm = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture.runAsync(rt::spark, warm).join(); // as LocalApp.warm does
    } finally {
      warm.shutdownNow();
    }
    SparkSession.clearActiveSession(); // this thread never had it in the App either
    jobs = new LocalIngestionJobs(rt);
  }

  @AfterAll
  static void stop() {
    jobs.close();
    rt.close();
  }

  static IngestionProgress await(String ref) throws InterruptedException {
    IngestionProgress p = jobs.poll(ref);
    for (int i = 0; i < 1200 && !p.status().done(); i++) {
      Thread.sleep(100);
      p = jobs.poll(ref);
    }
    return p;
  }

  static Path csv(String name, int rows, int from) throws Exception {
    Path file = Files.createTempFile(name, ".csv");
    StringBuilder csv = new StringBuilder("Provincia;Ventas\n");
    for (int i = 0; i < rows; i++) {
      csv.append("P").append(from + i).append(';').append(from + i).append('\n');
    }
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  @Order(1)
  void should_load_uploads_from_a_fresh_thread_into_the_delta_catalog_without_overwriting_earlier_files() throws Exception {
    IngestionProgress enero = await(jobs.start("e", csv("enero", 100, 0), "ventas/enero.csv"));
    IngestionProgress febrero = await(jobs.start("f", csv("febrero", 50, 100), "ventas/febrero.csv"));

    assertThat(enero.status()).as(enero.message()).isEqualTo(UploadStatus.LOADED);
    assertThat(febrero.status()).as(febrero.message()).isEqualTo(UploadStatus.LOADED);
    SparkSession spark = rt.spark();
    // replaceWhere on the Delta catalog replaces only febrero's rows; on the V2 catalog it overwrote enero's too
    assertThat(spark.table("serving.ventas").count()).isEqualTo(150);
    assertThat(spark.sql("DESCRIBE DETAIL serving.ventas").first().getAs("format").toString()).isEqualTo("delta");
    assertThat(spark.sql("SELECT count(*) FROM raw._ingestion_log WHERE status = 'LOADED'").first().getLong(0)).isEqualTo(2);
  }

  @Test
  @Order(2)
  void should_fail_a_reserved_table_name_with_the_reason_and_write_nothing() throws Exception {
    IngestionProgress done = await(jobs.start("r", csv("res", 5, 0), "document_embeddings/x.csv"));

    assertThat(done.status()).isEqualTo(UploadStatus.FAILED);
    assertThat(done.message()).contains("reservado");
    assertThat(rt.workspace().tables().resolve("raw/document_embeddings")).doesNotExist();
    assertThat(rt.spark().catalog().tableExists("raw.document_embeddings")).isFalse();
  }

  @Test
  @Order(3)
  void should_end_failed_with_the_reason_when_spark_throws_a_checked_exception() throws Exception {
    // an ingestion log Spark cannot read: reading it throws AnalysisException (checked, undeclared)
    SparkSession spark = rt.spark();
    spark.sql("DROP TABLE IF EXISTS raw._ingestion_log");
    spark.sql("CREATE TABLE raw._ingestion_log (x INT) USING parquet");

    IngestionProgress done = await(jobs.start("c", csv("marzo", 10, 200), "ventas/marzo.csv"));

    assertThat(done.status()).isEqualTo(UploadStatus.FAILED);
    assertThat(done.message()).startsWith("La carga falló por un error del motor de datos (").contains("AnalysisException");
  }
}
