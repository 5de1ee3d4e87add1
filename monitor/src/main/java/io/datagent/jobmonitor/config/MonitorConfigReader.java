package io.datagent.jobmonitor.config;

import io.datagent.jobmonitor.act.Action;
import io.datagent.jobmonitor.act.Backoff;
import io.datagent.jobmonitor.act.ParamChange;
import io.datagent.jobmonitor.act.Policy;
import io.datagent.jobmonitor.act.PolicyBook;
import io.datagent.jobmonitor.classify.Category;
import io.datagent.jobmonitor.classify.CategoryInfo;
import io.datagent.jobmonitor.classify.CategoryScore;
import io.datagent.jobmonitor.classify.ErrorClassMapping;
import io.datagent.jobmonitor.classify.MatchRule;
import io.datagent.jobmonitor.classify.Severity;
import io.datagent.jobmonitor.classify.TerminationRule;
import io.datagent.jobmonitor.mail.EmailSettings;
import io.datagent.jobmonitor.mail.SmtpSettings;
import io.datagent.jobmonitor.quality.QualityThresholds;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a (merged, env-substituted) configuration tree into a {@link MonitorConfig}, naming the key of any problem. */
final class MonitorConfigReader {

  private MonitorConfigReader() {}

  static MonitorConfig read(ConfigNode root, String source) {
    ConfigNode cls = root.child("classification");
    double confidentAt = cls.number("confidentAt", 0.8, 0.01, 1);
    Map<String, TerminationRule> termination = cls.child("termination").entries(e -> termination(e.getKey(), e.getValue()));
    ConfigNode sql = cls.child("sqlState");
    Map<String, CategoryScore> codes = scores(sql.child("codes"), 0.9);
    Map<String, CategoryScore> classes = scores(sql.child("classes"), 0.9);
    sql.done();
    Map<String, CategoryScore> byClass = scores(cls.child("errorClasses"), 0.9);
    List<MatchRule> keywords = rules(cls.list("errorClassKeywords"));
    List<MatchRule> rules = rules(cls.list("rules"));
    ConfigNode llm = cls.child("llm");
    double llmMax = llm.number("maxConfidence", 0.75, 0, 1);
    llm.done();
    cls.done();

    Map<Category, CategoryInfo> categories = new EnumMap<>(Category.class);
    ConfigNode cats = root.child("categories");
    cats.entries(e -> {
      Category c = parse(e.getValue(), Category::parse, e.getKey());
      ConfigNode n = e.getValue();
      categories.put(c, new CategoryInfo(c, n.required("label"), parse(n, Severity::parse, n.string("severity", "medium")),
          n.required("todo")));
      n.done();
      return c;
    });
    for (Category c : Category.values()) {
      if (!categories.containsKey(c)) {
        throw cats.problem(c.id(), "is missing: every category needs a label, severity and todo");
      }
    }

    ConfigNode pol = root.child("policies");
    Map<Category, Policy> defaults = policies(pol.child("defaults"));
    Map<String, Map<Category, Policy>> jobs = pol.child("jobs").entries(e -> policies(e.getValue()));
    pol.done();
    PolicyBook book;
    try {
      book = new PolicyBook(defaults, jobs);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage());
    }

    ConfigNode b = root.child("backoff");
    Backoff backoff = new Backoff(Duration.ofSeconds(b.integer("initialSeconds", 60, 0, 86_400)),
        b.number("multiplier", 2, 1, 10), Duration.ofSeconds(b.integer("maxSeconds", 1800, 0, 86_400)));
    b.done();

    ConfigNode p = root.child("polling");
    Duration poll = Duration.ofSeconds(p.integer("intervalSeconds", 60, 1, 3600));
    Duration lookback = Duration.ofHours(p.integer("firstLookbackHours", 24, 0, 24 * 60));
    Duration settle = Duration.ofSeconds(p.integer("settleSeconds", 30, 0, 3600));
    p.done();

    EmailSettings email = email(root.child("email"));
    QualityThresholds quality = quality(root.child("quality"));
    ConfigNode w = root.child("webhook");
    String secret = w.string("secret", "");
    w.done();
    root.done();
    return new MonitorConfig(source, confidentAt, termination, new ErrorClassMapping(codes, classes, byClass, keywords),
        rules, llmMax, categories, book, backoff, poll, lookback, settle, email, quality, secret);
  }

  private static TerminationRule termination(String code, ConfigNode n) {
    CategoryScore score = n.has("category") ? score(n, 0.8) : null;
    TerminationRule r = new TerminationRule(code, score, n.string("explanation", "Código de terminación " + code + "."),
        rules(n.list("refine")));
    n.done();
    return r;
  }

  private static Map<String, CategoryScore> scores(ConfigNode n, double def) {
    Map<String, CategoryScore> out = new LinkedHashMap<>();
    n.entries(e -> {
      out.put(e.getKey().toUpperCase(Locale.ROOT), score(e.getValue(), def));
      e.getValue().done();
      return null;
    });
    return out;
  }

  private static CategoryScore score(ConfigNode n, double def) {
    Category c = parse(n, Category::parse, n.required("category"));
    double conf = n.number("confidence", def, 0, 1);
    String sev = n.string("severity", null);
    return new CategoryScore(c, conf, sev == null ? null : parse(n, Severity::parse, sev));
  }

  private static List<MatchRule> rules(List<ConfigNode> nodes) {
    Set<String> ids = new HashSet<>();
    return nodes.stream().map(n -> {
      String id = n.required("id");
      if (!ids.add(id)) {
        throw n.problem("id", "'" + id + "' is used by another rule");
      }
      List<String> any = n.strings("any").stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
      List<String> all = n.strings("all").stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
      String re = n.string("regex", null);
      Pattern regex = null;
      if (re != null) {
        try {
          regex = Pattern.compile(re);
        } catch (PatternSyntaxException e) {
          throw n.problem("regex", "is not a valid Java regex: " + e.getDescription());
        }
      }
      if (any.isEmpty() && all.isEmpty() && regex == null) {
        throw n.problem("needs at least one of any, all or regex");
      }
      CategoryScore s = score(n, 0.85);
      Map<String, String> params = new LinkedHashMap<>();
      n.child("parameters").entries(e -> params.put(e.getKey(), e.getValue().text()));
      MatchRule r = new MatchRule(id, s.category(), s.confidence(), s.severity(), any, all, regex,
          n.string("explanation", null), params);
      n.done();
      return r;
    }).toList();
  }

  private static Map<Category, Policy> policies(ConfigNode n) {
    Map<Category, Policy> out = new EnumMap<>(Category.class);
    n.entries(e -> {
      Category c = parse(e.getValue(), Category::parse, e.getKey());
      ConfigNode p = e.getValue();
      Action a = parse(p, Action::parse, p.required("action"));
      int max = p.integer("maxRetries", a.repairs() ? 2 : 0, 0, 20);
      Map<String, ParamChange> params = new LinkedHashMap<>();
      p.child("parameters").entries(pe -> {
        ConfigNode x = pe.getValue();
        try {
          params.put(pe.getKey(), new ParamChange(x.required("op"), x.string("value", null), x.integer("auto", 8, 1, 100_000),
              x.integer("min", 1, 0, 100_000), x.integer("max", 100_000, 0, 100_000)));
        } catch (IllegalArgumentException ex) {
          throw x.problem(ex.getMessage());
        }
        x.done();
        return null;
      });
      if (!params.isEmpty() && a != Action.RETRY_WITH_NEW_PARAMS) {
        throw p.problem("parameters", "only apply to action RETRY_WITH_NEW_PARAMS, not " + a);
      }
      out.put(c, new Policy(a, max, params));
      p.done();
      return c;
    });
    return out;
  }

  private static EmailSettings email(ConfigNode n) {
    ConfigNode s = n.child("smtp");
    SmtpSettings smtp = new SmtpSettings(s.string("host", ""), s.integer("port", 587, 1, 65_535), s.string("username", ""),
        s.string("password", ""), s.string("from", "datagent-monitor@localhost"), s.bool("startTls", true),
        s.bool("ssl", false), s.integer("timeoutSeconds", 30, 1, 600) * 1000);
    s.done();
    EmailSettings e = new EmailSettings(n.strings("to"), n.strings("escalation"), n.string("subjectPrefix", "[datagent]"), smtp);
    n.done();
    return e;
  }

  private static QualityThresholds quality(ConfigNode n) {
    String job = n.string("evaluationJobId", "");
    Long jobId = null;
    if (job != null && !job.isBlank()) {
      try {
        jobId = Long.parseLong(job.trim());
      } catch (NumberFormatException e) {
        throw n.problem("evaluationJobId", "must be a job id (a number), got '" + job + "'");
      }
    }
    QualityThresholds q = new QualityThresholds(Duration.ofMinutes(n.integer("windowMinutes", 1440, 1, 60 * 24 * 90)),
        n.integer("minSamples", 50, 1, 1_000_000), n.number("maxErrorRate", 0.05, 0, 1),
        n.number("minMeanRating", 3.0, 1, 5), Duration.ofMillis(n.integer("maxP95Millis", 5000, 1, 3_600_000)),
        Duration.ofMinutes(n.integer("cooldownMinutes", 720, 0, 60 * 24 * 30)),
        Duration.ofMinutes(n.integer("everyMinutes", 5, 1, 1440)), jobId);
    n.done();
    return q;
  }

  private static <T> T parse(ConfigNode n, Function<String, T> parser, String value) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw n.problem(e.getMessage());
    }
  }
}
