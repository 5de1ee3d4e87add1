package io.datagent.local.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the App leaves its embedded PostgreSQL running on the workspace's state folder; the next start must
 * stop that orphan and come up, instead of failing until someone kills it by hand.
 */
class LocalAppPostgresKillTest {

  /** The child JVM: starts the state database and waits to be killed. */
  public static final class Holder {
    public static void main(String[] args) throws Exception {
      LocalPostgres pg = new LocalPostgres(Path.of(args[0]));
      pg.start();
      System.out.println("listo " + pg.serverProcess().map(ProcessHandle::pid).orElse(-1L));
      System.out.flush();
      Thread.sleep(600_000);
    }
  }

  @Test
  void should_stop_the_orphan_server_a_killed_app_left_and_start_again() throws Exception {
    Path dir = Files.createTempDirectory("pg-kill").resolve("postgres");
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", cp, Holder.class.getName(), dir.toString()).redirectErrorStream(true).start();
    Optional<ProcessHandle> orphan = Optional.empty();
    try {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l; (l = r.readLine()) != null; ) {
          if (l.startsWith("listo ")) {
            orphan = ProcessHandle.of(Long.parseLong(l.substring(6).strip()));
            break;
          }
        }
      }
      assertThat(orphan).as("the child started PostgreSQL").isPresent();
      child.destroyForcibly(); // kill -9: no shutdown hook stops the server
      child.waitFor(20, TimeUnit.SECONDS);
      Thread.sleep(300);
      assertThat(orphan.get().isAlive()).as("the server outlives the killed App").isTrue();

      try (LocalPostgres again = new LocalPostgres(dir);
          Connection c = again.start().getConnection();
          ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(orphan.get().isAlive()).as("the orphan was stopped").isFalse();
        assertThat(again.serverProcess().map(ProcessHandle::pid)).isPresent().isNotEqualTo(Optional.of(orphan.get().pid()));
      }
    } finally {
      child.destroyForcibly();
      orphan.ifPresent(ProcessHandle::destroyForcibly);
    }
    assertThat(List.of(dir.resolve("PG_VERSION"))).allMatch(Files::exists);
    try (java.util.stream.Stream<Path> all = Files.walk(dir.getParent())) {
      for (Path p : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
