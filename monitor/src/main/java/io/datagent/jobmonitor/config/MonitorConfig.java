package io.datagent.jobmonitor.config;

import io.datagent.jobmonitor.act.Backoff;
import io.datagent.jobmonitor.act.PolicyBook;
import io.datagent.jobmonitor.classify.Category;
import io.datagent.jobmonitor.classify.CategoryInfo;
import io.datagent.jobmonitor.classify.ErrorClassMapping;
import io.datagent.jobmonitor.classify.MatchRule;
import io.datagent.jobmonitor.classify.TerminationRule;
import io.datagent.jobmonitor.mail.EmailSettings;
import io.datagent.jobmonitor.quality.QualityThresholds;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The monitor's whole configuration, read and validated at start-up from {@code monitor.yml} (and the override file
 * named by {@code DATAGENT_MONITOR_CONFIG}) by {@link MonitorConfigLoader}.
 *
 * @param source where it was read from, for messages
 */
public record MonitorConfig(
    String source, double confidentAt, Map<String, TerminationRule> termination, ErrorClassMapping errorClasses,
    List<MatchRule> rules, double llmMaxConfidence, Map<Category, CategoryInfo> categories, PolicyBook policies,
    Backoff backoff, Duration pollInterval, Duration firstLookback, Duration settle, EmailSettings email,
    QualityThresholds quality, String webhookSecret) {

  public MonitorConfig {
    termination = Map.copyOf(termination);
    rules = List.copyOf(rules);
    categories = Map.copyOf(categories);
  }

  /** The same configuration with another polling interval and back-off (tests and the benchmark). */
  public MonitorConfig withTiming(Duration poll, Backoff newBackoff, Duration newSettle) {
    return new MonitorConfig(source, confidentAt, termination, errorClasses, rules, llmMaxConfidence, categories,
        policies, newBackoff, poll, firstLookback, newSettle, email, quality, webhookSecret);
  }

  public MonitorConfig withEmail(EmailSettings newEmail) {
    return new MonitorConfig(source, confidentAt, termination, errorClasses, rules, llmMaxConfidence, categories,
        policies, backoff, pollInterval, firstLookback, settle, newEmail, quality, webhookSecret);
  }

  public MonitorConfig withQuality(QualityThresholds q) {
    return new MonitorConfig(source, confidentAt, termination, errorClasses, rules, llmMaxConfidence, categories,
        policies, backoff, pollInterval, firstLookback, settle, email, q, webhookSecret);
  }

  public MonitorConfig withWebhookSecret(String secret) {
    return new MonitorConfig(source, confidentAt, termination, errorClasses, rules, llmMaxConfidence, categories,
        policies, backoff, pollInterval, firstLookback, settle, email, quality, secret);
  }
}
