package io.datagent.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;

/**
 * The jobs JAR that {@code mvn -pl jobs -am package} builds and the bundle uploads: which classes it holds, and
 * the {@code ArgSpec} each job class declares through {@code public static ArgSpec argSpec()}.
 *
 * <p>Classes under {@code io.datagent} are loaded from the JAR itself (child first), everything else (Spark, which
 * the runtime provides) from the test classpath, so the check sees exactly what Databricks will run. Because the
 * JAR's {@code ArgSpec} is then a different class from the test classpath's, it is used through reflection.
 */
final class JobsJar implements AutoCloseable {

  private final Path jar;
  private final URLClassLoader loader;

  private JobsJar(Path jar, URLClassLoader loader) {
    this.jar = jar;
    this.loader = loader;
  }

  /** Opens the JAR, or fails saying how to build it. */
  static JobsJar open(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("The jobs JAR " + jar + " does not exist; build it first with "
          + "`mvn -pl jobs -am package` (mvn verify from the root does this before the tests module)");
    }
    try {
      return new JobsJar(jar, new JarFirstLoader(jar.toUri().toURL(), JobsJar.class.getClassLoader()));
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  Path path() {
    return jar;
  }

  boolean hasClass(String className) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.getEntry(className.replace('.', '/') + ".class") != null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar, e);
    }
  }

  /** The parameters {@code className} accepts, read from its {@code argSpec()}; throws with a reason if it has none. */
  JobArgs argSpec(String className) {
    try {
      Class<?> job = Class.forName(className, false, loader);
      Method factory = job.getMethod("argSpec");
      if (!java.lang.reflect.Modifier.isStatic(factory.getModifiers())) {
        throw new IllegalStateException(className + ".argSpec() must be static");
      }
      return new JobArgs(className, factory.invoke(null));
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(className + " cannot be loaded from " + jar.getFileName() + ": " + e, e);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(className + " has no public static ArgSpec argSpec(), which the bundle test "
          + "reads to check the parameters the bundle passes it", e);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(className + ".argSpec() failed: " + e.getCause(), e);
    }
  }

  /**
   * Null when {@code className} has no {@code public static config(String...)} or it accepts {@code args}; else its
   * message. Job classes build their config there, checking values too (e.g. a VACUUM retention below 7 days).
   *
   * <p>When the class also has a {@code static config(Map<String, String>, String...)} (the environment first), that
   * one is called with {@code env}, the task cluster's {@code spark_env_vars}, instead of the test JVM's environment:
   * a job that needs a token from its cluster's environment is then checked against what the bundle gives it.
   */
  String configError(String className, List<String> args, Map<String, String> env) {
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException e) {
      return null;
    }
    Method config;
    Object[] call;
    try {
      config = type.getDeclaredMethod("config", Map.class, String[].class);
      config.setAccessible(true);
      call = new Object[] {Map.copyOf(env), args.toArray(String[]::new)};
    } catch (NoSuchMethodException | RuntimeException e) {
      try {
        config = type.getMethod("config", String[].class);
        call = new Object[] {args.toArray(String[]::new)};
      } catch (NoSuchMethodException e2) {
        return null;
      }
    }
    if (!java.lang.reflect.Modifier.isStatic(config.getModifiers())) {
      return null;
    }
    try {
      config.invoke(null, call);
      return null;
    } catch (InvocationTargetException e) {
      return e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage() : String.valueOf(e.getCause());
    } catch (IllegalAccessException e) {
      return className + ".config is not accessible: " + e;
    }
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }

  /** An {@code io.datagent.config.ArgSpec} from the JAR, used reflectively. */
  record JobArgs(String className, Object spec) {

    @SuppressWarnings("unchecked")
    Set<String> names() {
      return (Set<String>) call("names");
    }

    /** Null when {@code args} parse, else the parser's own message. */
    String parseError(List<String> args) {
      try {
        spec.getClass().getMethod("parse", String[].class).invoke(spec, (Object) args.toArray(String[]::new));
        return null;
      } catch (InvocationTargetException e) {
        return e.getCause() instanceof IllegalArgumentException iae ? iae.getMessage() : String.valueOf(e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(className + ": its ArgSpec has no parse(String...): " + e, e);
      }
    }

    private Object call(String method) {
      try {
        return spec.getClass().getMethod(method).invoke(spec);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(className + ": its ArgSpec has no " + method + "(): " + e, e);
      }
    }
  }

  /** Loads {@code io.datagent.*} from the JAR before the parent; the rest (Spark, the JDK) from the parent. */
  private static final class JarFirstLoader extends URLClassLoader {
    JarFirstLoader(URL jar, ClassLoader parent) {
      super(new URL[] {jar}, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("io.datagent.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          try {
            c = findClass(name);
          } catch (ClassNotFoundException e) {
            c = super.loadClass(name, false);
          }
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
