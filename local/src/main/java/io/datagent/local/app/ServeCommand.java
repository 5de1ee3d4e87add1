package io.datagent.local.app;

import io.datagent.local.Command;
import io.datagent.local.LocalRuntime;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./agent serve [--port N]}: the App on the local runtime (see {@link LocalApp}) until Ctrl+C; prints the URL.
 * Environment: DATAGENT_PORT (default 8080), DATAGENT_HOST (127.0.0.1), DATAGENT_DEMO_USER, DATAGENT_UPLOAD_MAX_MB,
 * and the agent's own variables (a model only when OPENAI_BASE_URL or DATAGENT_LLM_ENDPOINT is set).
 */
public final class ServeCommand implements Command {

  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String summary() {
    return "serve [--port N]      abre la aplicación (chat y datos) en el navegador, sobre los datos del espacio de trabajo";
  }

  @Override
  public int run(List<String> args, LocalRuntime rt) throws Exception {
    int port = (int) rt.env().number("DATAGENT_PORT", 8080, 0, 65_535);
    int at = args.indexOf("--port");
    if (at >= 0) {
      if (at + 1 >= args.size() || !args.get(at + 1).matches("\\d{1,5}")) {
        System.err.println("Uso: ./agent serve [--port N] [--workspace DIR]");
        return 2;
      }
      port = Integer.parseInt(args.get(at + 1));
    }
    LocalApp app;
    try {
      app = LocalApp.start(rt, LocalApp.Options.fromEnv(rt.env(), port), rt.env().asMap());
    } catch (RuntimeException e) {
      if (String.valueOf(e.getMessage()).contains("Port already in use") || e.getClass().getSimpleName().contains("Bind")) {
        System.err.println("El puerto " + port + " está ocupado: usa ./agent serve --port OTRO");
        return 2;
      }
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close();
      stopped.countDown();
    }, "datagent-serve-stop"));
    System.out.printf("%ndatagent en marcha: %s   (Chat; Datos en %sdatos; API en %sapi/openapi.json)%n", app.url(), app.url(),
        app.url());
    System.out.printf("Lista en %.1f s; el motor de datos (Spark) arranca en segundo plano. Ctrl+C para parar.%n",
        app.startupMillis() / 1000.0);
    app.warm(rt).whenComplete((v, e) -> System.out.println(e == null ? "Motor de datos listo." : "El motor de datos no arrancó: " + e));
    stopped.await();
    return 0;
  }
}
