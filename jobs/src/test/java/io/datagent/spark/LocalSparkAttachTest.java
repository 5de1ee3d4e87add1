package io.datagent.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * What a kill -9 during a table's first write leaves behind must not brick the workspace: attach moves such folders
 * aside (kept, not deleted), registers only committed tables, and the table can be written again.
 */
class LocalSparkAttachTest {

  static List<Path> quarantined(Path ws, String prefix) throws Exception {
    Path q = TableQuarantine.root(ws);
    if (!Files.isDirectory(q)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(q)) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
    }
  }

  @Test
  void should_quarantine_a_log_without_commit_and_data_without_log_and_keep_committed_tables() throws Exception {
    SparkSession spark = SharedSpark.get();
    Path ws = SharedSpark.workspace();
    Path serving = ws.resolve("tables/serving");
    // 1. what a kill during the first commit leaves: data files and an empty _delta_log (plus a temp commit file)
    Path noCommit = serving.resolve("kill_sin_commit");
    Files.createDirectories(noCommit.resolve("_delta_log"));
    Files.writeString(noCommit.resolve("part-00000-abc.snappy.parquet"), "not really parquet");
    Files.writeString(noCommit.resolve("_delta_log/.00000000000000000000.json.1234.tmp"), "{\"commitInfo\":");
    // 2. a kill before the commit: data files, no log at all
    Path noLog = serving.resolve("kill_sin_log");
    Files.createDirectories(noLog);
    Files.writeString(noLog.resolve("part-00000-def.snappy.parquet"), "x");
    // 3. a committed table stays
    spark.range(3).write().format("delta").save(serving.resolve("kill_buena").toString());
    // 4. a hidden staging folder is neither registered nor moved
    Path staging = serving.resolve(".staging_kill");
    Files.createDirectories(staging.resolve("_delta_log"));

    LocalSpark.attach(spark, ws);

    assertThat(noCommit).doesNotExist();
    assertThat(noLog).doesNotExist();
    assertThat(staging).exists();
    assertThat(quarantined(ws, "serving.kill_sin_commit.")).singleElement()
        .satisfies(p -> assertThat(p.resolve("part-00000-abc.snappy.parquet")).hasContent("not really parquet"));
    assertThat(quarantined(ws, "serving.kill_sin_log.")).hasSize(1);
    assertThat(spark.catalog().tableExists("serving.kill_sin_commit")).isFalse();
    assertThat(spark.catalog().tableExists("serving.kill_buena")).isTrue();
    assertThat(spark.table("serving.kill_buena").count()).isEqualTo(3);

    // the name is free again: the next write re-creates the table, and a later attach keeps it
    spark.range(5).write().format("delta").mode("append").saveAsTable("serving.kill_sin_commit");
    LocalSpark.attach(spark, ws);
    assertThat(spark.table("serving.kill_sin_commit").count()).isEqualTo(5);
    assertThat(quarantined(ws, "serving.kill_sin_commit.")).hasSize(1);
  }

  @Test
  void should_tell_a_committed_folder_from_one_without_commit() throws Exception {
    Path ws = SharedSpark.workspace();
    Path t = ws.resolve("tables/check_commit");
    Files.createDirectories(t.resolve("_delta_log"));
    assertThat(LocalSpark.hasCommit(t)).isFalse();
    Files.writeString(t.resolve("_delta_log/00000000000000000000.json"), "");
    assertThat(LocalSpark.hasCommit(t)).as("an empty commit file is no commit").isFalse();
    Files.writeString(t.resolve("_delta_log/00000000000000000000.json"), "{}");
    assertThat(LocalSpark.hasCommit(t)).isTrue();
  }
}
