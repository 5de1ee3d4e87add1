package io.datagent.local;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import io.datagent.deploy.BundleVariables;
import io.datagent.deploy.DeployTarget;
import io.datagent.deploy.Doctor;
import io.datagent.deploy.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./agent doctor --target dev|prod [--var name=value]... [--profile NAME]}: what a {@code databricks bundle deploy}
 * of the target needs, checked before it ({@link Doctor}); exit code 1 when something is missing.
 */
final class DoctorCommand implements Command {

  @Override
  public String name() {
    return "doctor";
  }

  @Override
  public String summary() {
    return "doctor --target dev|prod [--var k=v]  comprueba lo que necesita el despliegue en Databricks y cómo arreglar lo que falta";
  }

  @Override
  public int run(List<String> args, LocalRuntime rt) throws Exception {
    String target = "dev";
    String profile = null;
    Map<String, String> vars = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String v = i + 1 < args.size() ? args.get(i + 1) : null;
      if (v == null && (a.equals("--target") || a.equals("--var") || a.equals("--profile"))) {
        throw new IllegalArgumentException(a + " necesita un valor");
      }
      switch (a) {
        case "--target" -> target = args.get(++i);
        case "--profile" -> profile = args.get(++i);
        case "--var" -> {
          String kv = args.get(++i);
          int eq = kv.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("--var espera nombre=valor, no " + kv);
          }
          vars.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        default -> throw new IllegalArgumentException("opción desconocida: " + a);
      }
    }
    Path bundle = rt.projectRoot().resolve("databricks.yml");
    DeployTarget t = new BundleVariables(bundle, target, vars).deployTarget();
    System.out.println("Comprobando lo que necesita `databricks bundle deploy -t " + target + "`...");
    DatabricksConfig config = new DatabricksConfig();
    if (profile != null) {
      config.setProfile(profile);
    }
    List<Finding> findings = new Doctor(new WorkspaceClient(config)).check(t, cliVersion());
    findings.forEach(f -> System.out.println(f.render()));
    long missing = findings.stream().filter(f -> !f.ok()).count();
    System.out.println(missing == 0 ? "Todo listo para desplegar " + target + " (" + findings.size() + " comprobaciones)."
        : "Faltan " + missing + " de " + findings.size() + " requisitos para desplegar " + target + ".");
    return missing == 0 ? 0 : 1;
  }

  /** What {@code databricks -v} prints, or null when the CLI is not installed. */
  private static String cliVersion() {
    try {
      Process p = new ProcessBuilder("databricks", "-v").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out.strip() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
