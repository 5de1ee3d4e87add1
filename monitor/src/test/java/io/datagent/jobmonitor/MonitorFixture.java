package io.datagent.jobmonitor;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.datagent.jobmonitor.config.MonitorConfig;
import io.datagent.jobmonitor.databricks.DatabricksJobsClient;
import io.datagent.jobmonitor.detect.JobsClient;
import io.datagent.jobmonitor.loopback.LoopbackJobsApi;
import io.datagent.jobmonitor.mail.SmtpMailSender;
import io.datagent.jobmonitor.store.Jdbc;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformConfig;
import javax.sql.DataSource;

/**
 * What the monitor's integration tests share: a fresh PostgreSQL database, the loopback Jobs API with the real REST
 * client in front of it, and GreenMail as the SMTP server.
 */
public final class MonitorFixture implements AutoCloseable {

  public final DataSource ds = TestDatabase.fresh();
  public final LoopbackJobsApi api;
  public final DatabricksJobsClient client;
  public final GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
  public MonitorConfig config;

  public MonitorFixture() throws Exception {
    api = new LoopbackJobsApi("tok");
    client = new DatabricksJobsClient(new Platform(PlatformConfig.pat(api.uri().toString(), "tok")).jobs());
    mail.start();
    config = Configs.withSmtp(Configs.fast(), mail.getSmtp().getPort());
  }

  public JobMonitor monitor() {
    return monitor(client);
  }

  public JobMonitor monitor(JobsClient jobs) {
    return JobMonitor.builder(ds, config, jobs).mail(new SmtpMailSender(config.email().smtp())).build();
  }

  public Jdbc db() {
    return new Jdbc(ds);
  }

  public long count(String sql, Object... args) {
    return db().one(sql, rs -> rs.getLong(1), args).orElse(0L);
  }

  @Override
  public void close() {
    api.close();
    mail.stop();
  }
}
