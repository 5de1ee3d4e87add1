package io.datagent.app;

import io.datagent.agent.AgentConfig;
import io.datagent.app.chat.ChatService;

/**
 * The one builder of {@link DatagentApp.Settings}, shared by both mains: {@link #databricks} for {@link AppMain},
 * {@link #local} for {@code ./agent serve}. Every default is a named constant here, so the two mains differ only
 * where a deployment does (host, identity, upload polling, how many answers run at once) and say so by name.
 * {@link #build()} validates, naming the setting at fault.
 */
public final class AppSettings {

  /** Longest question accepted (characters), whatever the agent's own limit allows. */
  public static final int MAX_QUESTION_CHARS = 2_000;
  /** Rows a table answer shows. */
  public static final int MAX_ROWS_SHOWN = 500;
  /** Conversations kept per user; the oldest go first. */
  public static final int MAX_CONVERSATIONS_PER_USER = 50;
  /** Largest upload accepted (bytes): DATAGENT_UPLOAD_MAX_MB's default. */
  public static final long UPLOAD_MAX_BYTES = 50_000_000L;
  /** An ingestion job run on Databricks takes seconds to start and finish: poll its state every 3 s. */
  public static final long UPLOAD_POLL_MILLIS_DATABRICKS = 3_000;
  /** The local ingestion runs in-process: poll its progress every 0.5 s. */
  public static final long UPLOAD_POLL_MILLIS_LOCAL = 500;
  /** Answers at once on Databricks, where each mostly waits on the warehouse and serving endpoints. */
  public static final int WAITING_ANSWERS_DATABRICKS = 32;
  /** Answers at once locally when they wait on an LLM (without one, twice the cores: see ChatService.Limits). */
  public static final int WAITING_ANSWERS_LOCAL = 64;
  /** The demo user of the local App (DATAGENT_DEMO_USER's default); the Databricks App has none. */
  public static final String DEMO_USER = "analista@datagent.local";
  public static final String ALL_INTERFACES = "0.0.0.0";
  public static final String LOOPBACK = "127.0.0.1";

  private String host;
  private int port;
  private final boolean requireForwardedUser;
  private String demoUser;
  private long uploadMaxBytes = UPLOAD_MAX_BYTES;
  private int maxConversationsPerUser = MAX_CONVERSATIONS_PER_USER;
  private long uploadPollMillis;
  private ChatService.Limits chatLimits;

  private AppSettings(String host, int port, boolean requireForwardedUser, String demoUser, long uploadPollMillis,
      ChatService.Limits chatLimits) {
    this.host = host;
    this.port = port;
    this.requireForwardedUser = requireForwardedUser;
    this.demoUser = demoUser;
    this.uploadPollMillis = uploadPollMillis;
    this.chatLimits = chatLimits;
  }

  /** The Databricks App: every interface, the user from the Apps proxy's headers, Databricks job runs for uploads. */
  public static AppSettings databricks(AgentConfig agent, int port) {
    return new AppSettings(ALL_INTERFACES, port, true, null, UPLOAD_POLL_MILLIS_DATABRICKS,
        chatLimits(agent, false, WAITING_ANSWERS_DATABRICKS));
  }

  /** The local App: loopback, the demo user unless a proxy forwards one, in-process ingestion. */
  public static AppSettings local(AgentConfig agent, int port) {
    return new AppSettings(LOOPBACK, port, false, DEMO_USER, UPLOAD_POLL_MILLIS_LOCAL,
        chatLimits(agent, agent.llm() == null, WAITING_ANSWERS_LOCAL));
  }

  private static ChatService.Limits chatLimits(AgentConfig agent, boolean inProcess, int waiting) {
    return new ChatService.Limits(Math.min(MAX_QUESTION_CHARS, agent.maxQuestionChars()), agent.maxHistoryTurns(),
        MAX_ROWS_SHOWN, ChatService.Limits.concurrentAnswers(inProcess, waiting));
  }

  public AppSettings host(String h) {
    this.host = h;
    return this;
  }

  public AppSettings demoUser(String user) {
    this.demoUser = user;
    return this;
  }

  public AppSettings uploadMaxBytes(long bytes) {
    this.uploadMaxBytes = bytes;
    return this;
  }

  public AppSettings maxConversationsPerUser(int n) {
    this.maxConversationsPerUser = n;
    return this;
  }

  public AppSettings uploadPollMillis(long millis) {
    this.uploadPollMillis = millis;
    return this;
  }

  public AppSettings chatLimits(ChatService.Limits limits) {
    this.chatLimits = limits;
    return this;
  }

  /** The settings, checked: a bad value is refused naming the setting. */
  public DatagentApp.Settings build() {
    check(host != null && !host.isBlank(), "host must be set");
    check(port >= 0 && port <= 65_535, "port must be between 0 and 65535, got " + port);
    check(requireForwardedUser || (demoUser != null && demoUser.contains("@")),
        "demoUser must be an e-mail when no forwarded user is required, got " + demoUser);
    check(uploadMaxBytes > 0, "uploadMaxBytes must be positive, got " + uploadMaxBytes);
    check(maxConversationsPerUser > 0, "maxConversationsPerUser must be positive, got " + maxConversationsPerUser);
    check(uploadPollMillis > 0, "uploadPollMillis must be positive, got " + uploadPollMillis);
    check(chatLimits != null, "chatLimits must be set");
    return new DatagentApp.Settings(host, port, requireForwardedUser, demoUser, uploadMaxBytes, maxConversationsPerUser,
        uploadPollMillis, chatLimits);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("App settings: " + message);
    }
  }
}
