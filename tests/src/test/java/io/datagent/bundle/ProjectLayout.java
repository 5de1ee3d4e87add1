package io.datagent.bundle;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the bundle, the CLI's schema and the built jobs JAR are, seen from a test run in any module directory.
 *
 * <p>The project root is the nearest directory (from {@code maven.multiModuleProjectDirectory}, else the working
 * directory upwards) holding both {@code pom.xml} and {@code databricks.yml}; shared files come from the
 * {@code datagent.shared} property that surefire sets, else {@code <root>/../shared}.
 */
final class ProjectLayout {

  static final String JOBS_JAR = "jobs/target/datagent-jobs-0.1.0-SNAPSHOT-databricks.jar";

  private ProjectLayout() {}

  static Path root() {
    String configured = System.getProperty("maven.multiModuleProjectDirectory");
    Path start = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.dir"));
    for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("databricks.yml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("No directory with both pom.xml and databricks.yml above " + start.toAbsolutePath());
  }

  static Path shared() {
    String configured = System.getProperty("datagent.shared");
    return configured != null ? Path.of(configured).normalize() : root().resolve("../shared").normalize();
  }

  static Path bundleSchema() {
    Path schema = shared().resolve("schemas/databricks-bundle.schema.json");
    if (!Files.isRegularFile(schema)) {
      throw new IllegalStateException("The Databricks CLI bundle schema is missing: " + schema);
    }
    return schema;
  }

  static Path jobsJar() {
    return root().resolve(JOBS_JAR);
  }
}
