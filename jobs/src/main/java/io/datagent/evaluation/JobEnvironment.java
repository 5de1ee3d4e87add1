package io.datagent.evaluation;

import io.datagent.platform.Platform;
import io.datagent.platform.lakebase.LakebaseCredentials;
import java.util.HashMap;
import java.util.Map;

/**
 * The App's variables as a quality job (EvaluateJob, OptimizeJob) gets them from its cluster's {@code spark_env_vars}
 * (resources/quality.yml), completed with what only the App's resources inject: PGHOST, read from the Lakebase
 * instance LAKEBASE_INSTANCE_NAME names when the job was not given one.
 */
public final class JobEnvironment {

  private JobEnvironment() {}

  public static Map<String, String> complete(Map<String, String> env, Platform platform) {
    Map<String, String> out = new HashMap<>(env);
    String instance = env.get("LAKEBASE_INSTANCE_NAME");
    if (blank(env.get("PGHOST")) && !blank(instance)) {
      out.put("PGHOST", new LakebaseCredentials(platform).host(instance.strip()));
    }
    return out;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
