package io.datagent.jobmonitor;

import io.datagent.jobmonitor.act.Backoff;
import io.datagent.jobmonitor.config.MonitorConfig;
import io.datagent.jobmonitor.config.MonitorConfigLoader;
import io.datagent.jobmonitor.mail.EmailSettings;
import io.datagent.jobmonitor.mail.SmtpSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The shipped configuration with test timings: no back-off unless asked, one-second polling. */
public final class Configs {

  private Configs() {}

  public static MonitorConfig shipped() {
    return MonitorConfigLoader.load(Map.of());
  }

  public static MonitorConfig fast() {
    return shipped().withTiming(Duration.ofSeconds(1), new Backoff(Duration.ZERO, 2, Duration.ZERO), Duration.ZERO);
  }

  public static MonitorConfig withSmtp(MonitorConfig c, int port) {
    return c.withEmail(new EmailSettings(List.of("datos@empresa.test"), List.of("guardia@empresa.test"), "[datagent]",
        new SmtpSettings("127.0.0.1", port, "", "", "monitor@empresa.test", false, false, 5_000)));
  }
}
