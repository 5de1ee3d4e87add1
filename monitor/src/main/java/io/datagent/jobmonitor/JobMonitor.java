package io.datagent.jobmonitor;

import dev.langchain4j.model.chat.ChatModel;
import io.datagent.jobmonitor.act.Actuator;
import io.datagent.jobmonitor.act.DecisionMaker;
import io.datagent.jobmonitor.act.Reconciler;
import io.datagent.jobmonitor.act.ResolutionTracker;
import io.datagent.jobmonitor.classify.ErrorCatalog;
import io.datagent.jobmonitor.classify.TriageClassifier;
import io.datagent.jobmonitor.config.Classifiers;
import io.datagent.jobmonitor.config.MonitorConfig;
import io.datagent.jobmonitor.config.MonitorConfigLoader;
import io.datagent.jobmonitor.databricks.DatabricksJobsClient;
import io.datagent.platform.Platform;
import io.datagent.jobmonitor.detect.JobsClient;
import io.datagent.jobmonitor.detect.RunDetector;
import io.datagent.jobmonitor.local.LocalJobsClient;
import io.datagent.jobmonitor.local.LocalRepairs;
import io.datagent.jobmonitor.local.LocalRunFiles;
import io.datagent.jobmonitor.mail.DisabledMailSender;
import io.datagent.jobmonitor.mail.FailureEmail;
import io.datagent.jobmonitor.mail.MailSender;
import io.datagent.jobmonitor.mail.OutboxMailSender;
import io.datagent.jobmonitor.mail.SmtpMailSender;
import io.datagent.jobmonitor.quality.EvaluationTrigger;
import io.datagent.jobmonitor.quality.QualityStore;
import io.datagent.jobmonitor.quality.QualitySupervisor;
import io.datagent.jobmonitor.quality.RecordingEvaluationTrigger;
import io.datagent.jobmonitor.quality.RunNowEvaluationTrigger;
import io.datagent.jobmonitor.quality.TraceWindow;
import io.datagent.jobmonitor.store.CheckpointStore;
import io.datagent.jobmonitor.store.DecisionQueries;
import io.datagent.jobmonitor.store.DecisionStore;
import io.datagent.jobmonitor.store.Jdbc;
import io.datagent.jobmonitor.store.MonitorSchema;
import io.datagent.jobmonitor.store.RunLedger;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The supervisory monitor, wired: detection, classification, decisions and actions on job runs, plus the agent's
 * quality supervision, over the App's PostgreSQL. The App (or {@code ./agent monitor}) builds one, starts its loop
 * and hands it to {@code MonitorRoutes.register}.
 *
 * <pre>{@code
 * JobMonitor monitor = JobMonitor.databricks(dataSource, envReadByTheMain, platform, chatModel); // or JobMonitor.local(...)
 * MonitorRoutes.register(app, monitor);
 * monitor.start();   // ... monitor.close() on shutdown
 * }</pre>
 */
public final class JobMonitor implements AutoCloseable {

  private final MonitorConfig config;
  private final String source;
  private final JobsClient jobs;
  private final TriageClassifier classifier;
  private final DecisionQueries queries;
  private final DecisionStore store;
  private final RunLedger ledger;
  private final CheckpointStore checkpoints;
  private final QualityStore qualityStore;
  private final QualitySupervisor quality;
  private final RunHandler handler;
  private final MonitorLoop loop;
  private final MailSender mail;
  private final boolean llm;

  JobMonitor(JobMonitorBuilder b) {
    this.config = b.config;
    this.source = b.source;
    this.jobs = b.jobs;
    this.mail = b.mail;
    this.llm = io.datagent.jobmonitor.classify.MonitorChatModels.enabled(b.model);
    if (b.migrate) {
      MonitorSchema.migrate(b.dataSource);
    }
    Jdbc db = new Jdbc(b.dataSource);
    ErrorCatalog catalog = b.catalog != null ? b.catalog : ErrorCatalog.load();
    this.classifier = Classifiers.create(config, catalog, b.model);
    this.store = new DecisionStore(db);
    this.queries = new DecisionQueries(db);
    this.ledger = new RunLedger(db);
    this.checkpoints = new CheckpointStore(db);
    this.qualityStore = new QualityStore(db);
    Actuator actuator = new Actuator(store, jobs, mail, new FailureEmail(config.email(), config.categories()), b.clock);
    this.handler = new RunHandler(jobs, classifier, new DecisionMaker(config.policies(), config.backoff(), b.clock),
        store, ledger, actuator, b.clock);
    RunDetector detector = new RunDetector(source, jobs, checkpoints, ledger, b.clock, config.firstLookback(), config.settle());
    this.quality = new QualitySupervisor(new TraceWindow(db, b.clock), qualityStore, config.quality(),
        b.trigger, b.clock);
    this.loop = new MonitorLoop(source, config.pollInterval(), detector, handler, actuator,
        new Reconciler(store, jobs, b.clock), new ResolutionTracker(store, jobs), quality, b.clock);
  }

  /** A monitor of the process's Databricks workspace ({@code platform}); emails over SMTP when configured. */
  public static JobMonitor databricks(DataSource ds, Map<String, String> env, Platform platform, ChatModel model) {
    MonitorConfig cfg = MonitorConfigLoader.load(env);
    DatabricksJobsClient jobs = new DatabricksJobsClient(platform.jobs());
    MailSender mail = cfg.email().smtp().configured() ? new SmtpMailSender(cfg.email().smtp()) : new DisabledMailSender();
    EvaluationTrigger trigger = cfg.quality().evaluationJobId() == null ? new RecordingEvaluationTrigger()
        : new RunNowEvaluationTrigger(jobs, cfg.quality().evaluationJobId());
    return builder(ds, cfg, jobs).source("databricks").mail(mail).chatModel(model).evaluationTrigger(trigger).build();
  }

  /**
   * A monitor of the runs the local runtime recorded under {@code <state>/runs}; without SMTP settings, emails land
   * in {@code <state>/monitor/outbox}.
   */
  public static JobMonitor local(DataSource ds, Path stateDir, LocalRepairs repairs, Map<String, String> env, ChatModel model) {
    return local(ds, stateDir, repairs, MonitorConfigLoader.load(env), model);
  }

  /** {@link #local(DataSource, Path, LocalRepairs, Map, ChatModel)} with an already loaded configuration. */
  public static JobMonitor local(DataSource ds, Path stateDir, LocalRepairs repairs, MonitorConfig cfg, ChatModel model) {
    return local(ds, stateDir, repairs, cfg, model, new RecordingEvaluationTrigger());
  }

  /** As {@link #local(DataSource, Path, LocalRepairs, MonitorConfig, ChatModel)}, the quality supervisor starting {@code trigger}. */
  public static JobMonitor local(DataSource ds, Path stateDir, LocalRepairs repairs, MonitorConfig cfg, ChatModel model,
      EvaluationTrigger trigger) {
    JobsClient jobs = new LocalJobsClient(new LocalRunFiles(stateDir.resolve("runs")), repairs);
    MailSender mail = cfg.email().smtp().configured() ? new SmtpMailSender(cfg.email().smtp())
        : new OutboxMailSender(stateDir.resolve("monitor").resolve("outbox"));
    return builder(ds, cfg, jobs).source("local").mail(mail).chatModel(model).evaluationTrigger(trigger).build();
  }

  public static JobMonitorBuilder builder(DataSource ds, MonitorConfig config, JobsClient jobs) {
    return new JobMonitorBuilder(ds, config, jobs);
  }

  /** Starts the loop (reconciling what a previous process left open first). */
  public void start() {
    loop.start();
  }

  /** One pass of the loop, on the caller's thread (tests, {@code ./agent monitor --once}). */
  public void tick() {
    loop.tick();
  }

  /** A job-notification webhook for {@code runId}: handled on the loop's thread (or inline when not started). */
  public void onWebhook(long runId) {
    loop.submit(() -> handler.handleRunId(runId));
  }

  public MonitorStatus status() {
    return loop.status(mail.describe(), llm);
  }

  public MonitorConfig config() {
    return config;
  }

  public TriageClassifier classifier() {
    return classifier;
  }

  public DecisionQueries decisions() {
    return queries;
  }

  public java.util.Optional<io.datagent.jobmonitor.store.Decision> decisionById(long id) {
    return store.find(id);
  }

  public RunLedger runs() {
    return ledger;
  }

  public QualityStore qualityStore() {
    return qualityStore;
  }

  public QualitySupervisor quality() {
    return quality;
  }

  public JobsClient jobs() {
    return jobs;
  }

  public String source() {
    return source;
  }

  public CheckpointStore checkpoints() {
    return checkpoints;
  }

  @Override
  public void close() {
    loop.close();
  }
}
