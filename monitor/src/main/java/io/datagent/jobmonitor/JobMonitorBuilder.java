package io.datagent.jobmonitor;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.DisabledChatModel;
import io.datagent.jobmonitor.classify.ErrorCatalog;
import io.datagent.jobmonitor.config.MonitorConfig;
import io.datagent.jobmonitor.detect.JobsClient;
import io.datagent.jobmonitor.mail.DisabledMailSender;
import io.datagent.jobmonitor.mail.MailSender;
import io.datagent.jobmonitor.quality.EvaluationTrigger;
import io.datagent.jobmonitor.quality.RecordingEvaluationTrigger;
import java.time.Clock;
import javax.sql.DataSource;

/** Optional parts of a {@link JobMonitor}; the defaults suit tests. */
public final class JobMonitorBuilder {
  final DataSource dataSource;
  final MonitorConfig config;
  final JobsClient jobs;
  String source = "databricks";
  MailSender mail = new DisabledMailSender();
  ChatModel model = new DisabledChatModel();
  EvaluationTrigger trigger = new RecordingEvaluationTrigger();
  Clock clock = Clock.systemUTC();
  ErrorCatalog catalog;
  boolean migrate = true;

  JobMonitorBuilder(DataSource dataSource, MonitorConfig config, JobsClient jobs) {
    this.dataSource = dataSource;
    this.config = config;
    this.jobs = jobs;
  }

  public JobMonitorBuilder source(String s) {
    this.source = s;
    return this;
  }

  public JobMonitorBuilder mail(MailSender m) {
    this.mail = m;
    return this;
  }

  /** LangChain4j model for the LLM stage; a {@link DisabledChatModel} (the default) keeps the classifier to its rules. */
  public JobMonitorBuilder chatModel(ChatModel m) {
    if (m == null) {
      throw new IllegalArgumentException("JobMonitor: chatModel is null; pass new DisabledChatModel() for rules only");
    }
    this.model = m;
    return this;
  }

  public JobMonitorBuilder evaluationTrigger(EvaluationTrigger t) {
    if (t == null) {
      throw new IllegalArgumentException("JobMonitor: evaluationTrigger is null; the default RecordingEvaluationTrigger only records");
    }
    this.trigger = t;
    return this;
  }

  public JobMonitorBuilder clock(Clock c) {
    this.clock = c;
    return this;
  }

  public JobMonitorBuilder catalog(ErrorCatalog c) {
    this.catalog = c;
    return this;
  }

  /** Skip Flyway (when the caller already migrated). */
  public JobMonitorBuilder migrate(boolean m) {
    this.migrate = m;
    return this;
  }

  public JobMonitor build() {
    return new JobMonitor(this);
  }
}
