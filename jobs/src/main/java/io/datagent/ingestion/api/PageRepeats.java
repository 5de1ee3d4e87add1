package io.datagent.ingestion.api;

import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Ids repeated within one page. A page listing the same id twice says that the id does not identify a record (an
 * hourly series per region keyed by the hour alone), not that the source changed between two requests (an id
 * repeated on a later page, see {@link RecordSummary#superseded()}). The first record of the page with that id is
 * loaded; every later one goes to quarantine, naming where the id was first seen and a field that could complete the
 * key. Filled by {@link RecordSummary} in the tasks (one task parses a page whole, in order), merged on the driver.
 */
final class PageRepeats implements Serializable {

  private static final long serialVersionUID = 1L;
  /** A non-integer number: a measurement (a price, a share), never a good part of a key. */
  private static final Pattern FRACTION = Pattern.compile("-?\\d+\\.\\d+");

  /** Position of each repeated record → index of the first record of its page with the same id. */
  final Map<Long, Integer> firstIndex = new HashMap<>();
  /** Fields (not of the key, not measurements) whose values differ in every repeat; null before the first one. */
  private LinkedHashSet<String> distinguishing;
  private transient int page = -1;
  private transient Map<String, ParsedRecord> seen;

  /** Whether {@code id} was already seen on {@code r}'s page; records of a page must come in order, pages one by one. */
  boolean repeated(ParsedRecord r, String id, Map<String, String> fields, RecordKey key) {
    if (r.page() != page || seen == null) {
      page = r.page();
      seen = new HashMap<>();
    }
    ParsedRecord first = seen.putIfAbsent(id, r);
    if (first == null) {
      return false;
    }
    firstIndex.put(r.position(), first.index());
    Map<String, String> before = first.fields().toMap();
    LinkedHashSet<String> differ = new LinkedHashSet<>();
    fields.forEach((name, v) -> {
      String w = before.get(name);
      boolean measurement = v != null && w != null && FRACTION.matcher(v).matches() && FRACTION.matcher(w).matches();
      if (!key.fields().contains(name) && !Objects.equals(v, w) && !measurement) {
        differ.add(name);
      }
    });
    retain(differ);
    return true;
  }

  /** Forgets the last page's ids (call once after the last record). */
  void finish() {
    seen = null;
  }

  PageRepeats merge(PageRepeats o) {
    firstIndex.putAll(o.firstIndex);
    if (o.distinguishing != null) {
      retain(o.distinguishing);
    }
    return this;
  }

  private void retain(LinkedHashSet<String> fields) {
    if (distinguishing == null) {
      distinguishing = new LinkedHashSet<>(fields);
    } else {
      distinguishing.retainAll(fields);
    }
  }

  int size() {
    return firstIndex.size();
  }

  boolean contains(long position) {
    return firstIndex.containsKey(position);
  }

  /** The quarantine reason of the repeated record at {@code position}. */
  String reason(RecordKey key, String id, long position) {
    return "el id " + key.named() + " = " + id + " ya apareció en el registro " + firstIndex.get(position) + " de esta página: "
        + (key.composite() ? "los campos del id no identifican" : "el campo id no identifica")
        + " un registro (¿falta un campo en la clave? id: " + suggestion(key) + ")";
  }

  /** The endpoint message's part about repeated ids (empty when there are none). */
  String message(RecordKey key) {
    return firstIndex.isEmpty() ? "" : "; " + firstIndex.size() + " de ellos por un id repetido en la misma página (el id " + key.named()
        + " no identifica un registro; pruebe una clave compuesta, p. ej. id: " + suggestion(key) + ")";
  }

  /** The key plus the first field that told every repeat from its first record, if one did. */
  private String suggestion(RecordKey key) {
    String extra = distinguishing == null || distinguishing.isEmpty() ? "<otro campo>" : distinguishing.iterator().next();
    return "[" + String.join(", ", key.fields()) + ", " + extra + "]";
  }
}
