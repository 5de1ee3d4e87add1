package io.datagent.jobmonitor.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagent.jobmonitor.classify.Category;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * What the App reads and writes about decisions: the recent ones, people's right/wrong labels, accuracy by
 * category, and the labelled examples as JSON Lines (same {@code text} field {@code ./agent triage} reads).
 */
public final class DecisionQueries {

  private final Jdbc db;

  public DecisionQueries(Jdbc db) {
    this.db = db;
  }

  public List<Decision> recent(int limit, String category) {
    if (category == null || category.isBlank()) {
      return db.query("select * from monitor.decisions order by decided_at desc, id desc limit ?", DecisionRows::map, limit);
    }
    return db.query("select * from monitor.decisions where category = ? order by decided_at desc, id desc limit ?",
        DecisionRows::map, Category.parse(category).id(), limit);
  }

  /**
   * Records a person's verdict. {@code category} is the right category when the monitor was wrong (optional).
   * Returns false when no such decision exists.
   */
  public boolean label(long id, boolean correct, String category, String note, String by) {
    String cat = category == null || category.isBlank() ? null : Category.parse(category).id();
    return db.update("""
        update monitor.decisions set label = ?, label_category = ?, label_note = ?, labelled_by = ?, labelled_at = now()
        where id = ?
        """, correct ? "RIGHT" : "WRONG", correct ? null : cat, note, by, id) == 1;
  }

  /** Accuracy per category the monitor chose, then the total ({@code all}). */
  public List<Accuracy> accuracy() {
    List<Accuracy> out = new ArrayList<>(db.query("""
        select category, count(*) decisions, count(label) labelled,
               count(*) filter (where label = 'RIGHT') rights, count(*) filter (where label = 'WRONG') wrongs
        from monitor.decisions group by category order by category
        """, rs -> Accuracy.of(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5))));
    int d = 0, l = 0, r = 0, w = 0;
    for (Accuracy a : out) {
      d += a.decisions();
      l += a.labelled();
      r += a.right();
      w += a.wrong();
    }
    out.add(Accuracy.of("all", d, l, r, w));
    return out;
  }

  /**
   * Writes one JSON line per labelled decision whose right category is known: {@code text} (the failure text),
   * {@code label} (the right category), {@code predicted}, {@code correct}, and context. Returns the count.
   */
  public int exportLabelled(Writer out) {
    List<ObjectNode> lines = db.query("""
        select id, run_id, attempt, job_name, failure_text, category, label, label_category, label_note, evidence, stage
        from monitor.decisions
        where label = 'RIGHT' or (label = 'WRONG' and label_category is not null)
        order by id
        """, rs -> {
      ObjectNode n = DecisionRows.JSON.createObjectNode();
      boolean right = "RIGHT".equals(rs.getString("label"));
      n.put("text", rs.getString("failure_text"));
      n.put("label", right ? rs.getString("category") : rs.getString("label_category"));
      n.put("predicted", rs.getString("category"));
      n.put("correct", right);
      n.put("stage", rs.getString("stage"));
      n.put("decision_id", rs.getLong("id"));
      n.put("run_id", rs.getLong("run_id"));
      n.put("attempt", rs.getInt("attempt"));
      n.put("job_name", rs.getString("job_name"));
      n.put("note", rs.getString("label_note"));
      try {
        n.set("evidence", DecisionRows.JSON.readTree(rs.getString("evidence")));
      } catch (IOException e) {
        n.put("evidence", rs.getString("evidence"));
      }
      return n;
    });
    try {
      for (ObjectNode n : lines) {
        out.write(n.toString());
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines.size();
  }
}
