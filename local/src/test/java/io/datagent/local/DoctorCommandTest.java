package io.datagent.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./agent doctor} is wired into the CLI and refuses what it cannot check before calling any workspace. */
class DoctorCommandTest {

  @Test
  void should_refuse_a_target_the_bundle_does_not_have_with_exit_code_2(@TempDir Path ws) {
    String root = System.getProperty("datagent.root");
    System.setProperty("datagent.root", Path.of("..").toAbsolutePath().normalize().toString());
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      AgentCli cli = new AgentCli();

      int code = cli.run("--workspace", ws.toString(), "doctor", "--target", "staging");

      assertThat(cli.command("doctor")).isNotNull();
      assertThat(code).isEqualTo(2);
      assertThat(captured.toString(StandardCharsets.UTF_8)).contains("staging", "dev", "prod");
      assertThat(cli.run("--workspace", ws.toString(), "doctor", "--var", "sin-igual")).isEqualTo(2);
    } finally {
      System.setErr(err);
      if (root == null) {
        System.clearProperty("datagent.root");
      } else {
        System.setProperty("datagent.root", root);
      }
    }
  }
}
