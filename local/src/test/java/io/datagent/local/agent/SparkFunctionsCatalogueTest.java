package io.datagent.local.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.sql.SparkFunctions;
import java.util.TreeSet;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.junit.jupiter.api.Test;

/** The guard's function catalogue is exactly the running Spark's built-ins (no session needed). */
class SparkFunctionsCatalogueTest {

  @Test
  void should_match_the_running_spark_builtin_registry() {
    TreeSet<String> registry = new TreeSet<>();
    scala.collection.Iterator<FunctionIdentifier> it = FunctionRegistry.builtin().listFunction().iterator();
    while (it.hasNext()) {
      registry.add(it.next().funcName());
    }
    assertThat(SparkFunctions.builtin())
        .as("assistant/.../spark-builtin-functions.txt must list Spark's built-ins; regenerate it and review new ones")
        .containsExactlyInAnyOrderElementsOf(registry);
  }

  @Test
  void should_refuse_functions_that_reach_outside_the_data_in_any_spelling() {
    assertThat(SparkFunctions.allowed("`reflect`")).isFalse();
    assertThat(SparkFunctions.allowed("JAVA_METHOD")).isFalse();
    assertThat(SparkFunctions.allowed("ｒｅｆｌｅｃｔ")).isFalse();
    assertThat(SparkFunctions.allowed("secret")).isFalse();
    assertThat(SparkFunctions.allowed("sum")).isTrue();
    assertThat(SparkFunctions.allowed("`Date_Trunc`")).isTrue();
  }
}
