package io.datagent.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.spark.SharedSpark;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** MaintenanceJob on real Delta tables of the shared local session. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MaintenanceJobTest {

  SparkSession spark;

  @BeforeAll
  void tables() {
    spark = SharedSpark.get();
    SharedSpark.schemas("mant");
    for (String t : List.of("mant_serving.lecturas", "mant_raw.lecturas")) {
      spark.sql("DROP TABLE IF EXISTS " + t);
      for (int i = 0; i < 5; i++) {
        spark.range(i * 100, i * 100 + 100).selectExpr("id", "CAST(id % 7 AS STRING) AS central")
            .write().format("delta").mode("append").saveAsTable(t);
      }
    }
  }

  @Test
  void should_refuse_a_retention_under_seven_days_unless_forced() {
    assertThatThrownBy(() -> MaintenanceJob.config("--retain-hours", "24"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("168").hasMessageContaining("--force-retention");
    assertThat(MaintenanceJob.config("--retain-hours", "24", "--force-retention").retainHours()).isEqualTo(24);
  }

  @Test
  void should_reject_a_malformed_zorder_spec_naming_it() {
    assertThatThrownBy(() -> MaintenanceJob.config("--zorder", "serving.lecturas"))
        .hasMessageContaining("serving.lecturas").hasMessageContaining("schema.table:col1,col2");
  }

  @Test
  void should_compact_vacuum_and_report_every_table_of_the_schemas() {
    MaintenanceConfig cfg = MaintenanceJob.config("--schemas", "mant_raw,mant_serving", "--retain-hours", "0",
        "--force-retention", "--zorder", "mant_serving.lecturas:central");
    List<TableMaintenance> report = MaintenanceJob.run(spark, cfg);

    assertThat(report).extracting(TableMaintenance::table)
        .containsExactlyInAnyOrder("mant_raw.lecturas", "mant_serving.lecturas");
    assertThat(report).allMatch(TableMaintenance::ok);
    TableMaintenance serving = report.stream().filter(m -> m.table().equals("mant_serving.lecturas")).findFirst().orElseThrow();
    assertThat(serving.filesBefore()).isGreaterThanOrEqualTo(5);
    assertThat(serving.filesAfter()).isEqualTo(1);
    assertThat(serving.filesVacuumed()).isGreaterThanOrEqualTo(5);
    assertThat(serving.zorder()).isEqualTo("central");
    assertThat(spark.table("mant_serving.lecturas").count()).isEqualTo(500);
    assertThat(spark.sql("DESCRIBE HISTORY mant_serving.lecturas").collectAsList())
        .anyMatch(r -> "OPTIMIZE".equals(r.getAs("operation")));
  }

  @Test
  void should_report_a_failing_table_and_keep_going() {
    MaintenanceConfig cfg = MaintenanceJob.config("--schemas", "mant_serving", "--zorder", "mant_serving.lecturas:no_existe");
    List<TableMaintenance> report = MaintenanceJob.run(spark, cfg);
    assertThat(report).hasSize(1);
    assertThat(report.get(0).ok()).isFalse();
    assertThat(report.get(0).error()).contains("no_existe");
  }
}
