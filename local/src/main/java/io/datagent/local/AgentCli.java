package io.datagent.local;

import io.datagent.config.EnvReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Entry point of {@code ./agent}: the local runtime that runs the same job classes as Databricks, on Spark local
 * mode with Delta tables under {@code --workspace DIR} (default {@code ./.workspace}).
 *
 * <p>Subcommands are {@link Command}s registered here or contributed by other modules through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.datagent.local.Command}), so later features (the
 * benchmarks of the {@code bench} module) slot in without touching this class.
 */
public final class AgentCli {

  private final Map<String, Command> commands = new LinkedHashMap<>();
  private final EnvReader env;

  /** The commands, run with an empty environment (every setting at its default): tests and the App's repairs. */
  public AgentCli() {
    this(new EnvReader(Map.of(), null));
  }

  /** @param env the process environment, read once by {@link #main} */
  public AgentCli(EnvReader env) {
    this.env = env;
    register(new IngestCommand());
    register(new IngestApiCommand());
    register(new MaintainCommand());
    register(new SqlCommand());
    register(new DemoCommand(this));
    register(new io.datagent.local.agent.AskCommand());
    register(new io.datagent.local.eval.EvalCommand());
    register(new io.datagent.local.optimize.OptimizeCommand());
    register(new io.datagent.local.optimize.ExportTracesCommand());
    register(new io.datagent.local.app.ServeCommand());
    register(new io.datagent.local.retrieval.EmbedCommand());
    register(new io.datagent.local.retrieval.SearchCommand());
    register(new io.datagent.local.monitor.TriageCommand());
    register(new io.datagent.local.monitor.MonitorCommand(this));
    register(new DoctorCommand());
    for (Command c : ServiceLoader.load(Command.class)) {
      register(c);
    }
  }

  public void register(Command c) {
    commands.put(c.name(), c);
  }

  public Command command(String name) {
    return commands.get(name);
  }

  public int run(String... argv) {
    List<String> args = new ArrayList<>(List.of(argv));
    Path workspace = Path.of(Workspace.DEFAULT);
    int at = args.indexOf("--workspace");
    if (at >= 0) {
      if (at + 1 >= args.size()) {
        System.err.println("--workspace necesita una carpeta");
        return 2;
      }
      workspace = Path.of(args.get(at + 1));
      args.remove(at + 1);
      args.remove(at);
    }
    if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help")) {
      help();
      return args.isEmpty() ? 2 : 0;
    }
    Command c = commands.get(args.get(0));
    if (c == null) {
      System.err.println("Comando desconocido: " + args.get(0));
      help();
      return 2;
    }
    Path root = Path.of(System.getProperty("datagent.root", ".")).toAbsolutePath().normalize();
    LocalRuntime rt = new LocalRuntime(new Workspace(workspace), root, env);
    try {
      return io.datagent.local.monitor.RunRecorder.around(rt, c.name(), args.subList(1, args.size()), () -> c.run(args.subList(1, args.size()), rt));
    } catch (IllegalArgumentException e) {
      System.err.println("Error: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      System.err.println("Error: " + e);
      e.printStackTrace(System.err);
      return 1;
    } finally {
      rt.close();
    }
  }

  private void help() {
    System.out.println("Uso: ./agent <comando> [opciones] [--workspace DIR]");
    for (Command c : commands.values()) {
      System.out.println("  " + c.summary());
    }
    if (!commands.containsKey("bench")) {
      System.out.println("  bench <nombre>        mide rendimiento (./agent bench help lista los benchmarks)");
    }
  }

  public static void main(String[] args) {
    System.exit(new AgentCli(new EnvReader(System.getenv(), "variables de entorno de ./agent")).run(args));
  }
}
