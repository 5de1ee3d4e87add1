package io.datagent.jobmonitor.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagent.jobmonitor.act.Action;
import io.datagent.jobmonitor.act.Policy;
import io.datagent.jobmonitor.act.PolicyBook;
import io.datagent.jobmonitor.classify.Classification;
import io.datagent.jobmonitor.classify.Evidence;
import io.datagent.jobmonitor.classify.Failure;
import io.datagent.jobmonitor.classify.Severity;
import io.datagent.jobmonitor.classify.TriageClassifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * {@code ./agent triage}: failure texts in, one JSON line per text out (category, action, confidence, severity,
 * evidence, explanation). Input is either one plain text (all of standard input), or JSON Lines whose objects have a
 * {@code text} field (and optionally {@code id}, {@code job}, {@code termination_code}, {@code state_message}).
 * How people try their rules, and how acceptance checks run real failure texts through the classifier.
 */
public final class TriageStream {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TriageClassifier classifier;
  private final PolicyBook policies;

  public TriageStream(TriageClassifier classifier, PolicyBook policies) {
    this.classifier = classifier;
    this.policies = policies;
  }

  /** Reads all of {@code in}, writes one line per text; returns how many texts. */
  public int run(BufferedReader in, PrintWriter out, String jobName) throws IOException {
    String first;
    do {
      first = in.readLine();
    } while (first != null && first.isBlank());
    if (first == null) {
      return 0;
    }
    JsonNode firstJson = jsonLine(first);
    if (firstJson == null) {
      StringBuilder all = new StringBuilder(first);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        all.append('\n').append(line);
      }
      out.println(classify(Failure.ofText(all.toString()), null, jobName));
      out.flush();
      return 1;
    }
    int n = 0;
    for (String line = first; line != null; line = in.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode j = n == 0 ? firstJson : jsonLine(line);
      if (j == null) {
        out.println(JSON.createObjectNode().put("line", n + 1).put("error", "la línea no es un objeto JSON con un campo \"text\""));
      } else {
        Failure f = new Failure(text(j, "termination_code"), text(j, "result_state"), text(j, "state_message"),
            text(j, "text"), text(j, "error_trace"), text(j, "logs"));
        String job = j.hasNonNull("job") ? j.get("job").asText() : jobName;
        out.println(classify(f, j.get("id"), job));
      }
      n++;
    }
    out.flush();
    return n;
  }

  /** The JSON line for one failure. */
  public ObjectNode classify(Failure f, JsonNode id, String jobName) {
    Classification c = classifier.classify(f);
    Policy p = policies.policy(jobName, null, c.category());
    Action a = p.action() != Action.IGNORE && c.severity() == Severity.CRITICAL ? Action.ESCALATE : p.action();
    ObjectNode o = JSON.createObjectNode();
    if (id != null) {
      o.set("id", id);
    }
    o.put("category", c.category().id());
    o.put("action", a.name());
    o.put("confidence", c.confidence());
    o.put("severity", c.severity().id());
    o.put("stage", c.stage());
    var ev = o.putArray("evidence");
    for (Evidence e : c.evidence()) {
      ObjectNode en = ev.addObject().put("stage", e.stage()).put("ref", e.ref());
      if (e.detail() != null) {
        en.put("detail", e.detail());
      }
    }
    o.put("explanation", c.explanation());
    if (!c.suggestedParameters().isEmpty()) {
      o.set("parameters", JSON.valueToTree(c.suggestedParameters()));
    }
    return o;
  }

  private static JsonNode jsonLine(String line) {
    String t = line.strip();
    if (!t.startsWith("{")) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(t);
      return n != null && n.isObject() && n.hasNonNull("text") ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String text(JsonNode n, String key) {
    return n.hasNonNull(key) ? n.get(key).asText() : null;
  }
}
