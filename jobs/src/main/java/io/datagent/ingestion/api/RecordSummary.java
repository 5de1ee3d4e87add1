package io.datagent.ingestion.api;

import io.datagent.ingestion.typing.ColumnProfile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one pass over a run's parsed records learned, built per Spark partition and merged on the driver in page
 * order: the count, a content hash per page, every id with its position (to keep one version of an id repeated
 * across pages), the ids repeated within a page ({@link PageRepeats}), a type profile per field in order of first
 * appearance, and the largest incremental-field value. Ids are the only per-record data that reach the driver.
 */
final class RecordSummary implements java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final RecordKey key;
  private final String incrementalField;
  long count;
  final TreeMap<Integer, byte[]> pageHashes = new TreeMap<>();
  final List<String> ids = new ArrayList<>();
  final List<Long> positions = new ArrayList<>();
  final LinkedHashMap<String, ColumnProfile> profiles = new LinkedHashMap<>();
  /** Records whose id an earlier record of the same page has (not in {@link #ids}). */
  final PageRepeats repeats = new PageRepeats();
  String highWater;
  private transient MessageDigest digest;
  private transient int digestPage = -1;

  /** {@code incrementalField}: null when the source is not incremental. */
  RecordSummary(RecordKey key, String incrementalField) {
    this.key = key;
    this.incrementalField = incrementalField;
  }

  /** A summary of records parsed on the calling thread (tests, small runs). */
  static RecordSummary of(PageParser parser, List<PageRef> pages, RecordKey key, String incrementalField) {
    RecordSummary s = new RecordSummary(key, incrementalField);
    pages.forEach(p -> parser.parse(p).forEach(s::add));
    return s.finish();
  }

  void add(ParsedRecord r) {
    count++;
    if (r.page() != digestPage) {
      finishPage();
      digest = sha256();
      digestPage = r.page();
    }
    digest.update(r.hash().getBytes(StandardCharsets.US_ASCII));
    Map<String, String> fields = r.fields().toMap();
    String id = key.of(fields);
    if (id != null && !repeats.repeated(r, id, fields, key)) {
      ids.add(id);
      positions.add(r.position());
    }
    profile(fields);
    if (incrementalField != null) {
      String v = fields.get(incrementalField);
      if (v != null && !v.isBlank() && (highWater == null || v.compareTo(highWater) > 0)) {
        highWater = v;
      }
    }
  }

  void profile(ParsedRecord r) {
    profile(r.fields().toMap());
  }

  private void profile(Map<String, String> fields) {
    for (Map.Entry<String, String> f : fields.entrySet()) {
      profiles.computeIfAbsent(f.getKey(), k -> new ColumnProfile(k, false)).add(f.getValue());
    }
  }

  /** Closes the last page's hash; call once after the last {@link #add}. */
  RecordSummary finish() {
    finishPage();
    repeats.finish();
    return this;
  }

  private void finishPage() {
    if (digest != null) {
      pageHashes.put(digestPage, digest.digest());
      digest = null;
    }
  }

  /** Adds {@code o} (the records of later pages) to this one. */
  RecordSummary merge(RecordSummary o) {
    count += o.count;
    pageHashes.putAll(o.pageHashes);
    ids.addAll(o.ids);
    positions.addAll(o.positions);
    repeats.merge(o.repeats);
    mergeProfiles(o.profiles);
    if (o.highWater != null && (highWater == null || o.highWater.compareTo(highWater) > 0)) {
      highWater = o.highWater;
    }
    return this;
  }

  void mergeProfiles(Map<String, ColumnProfile> other) {
    other.forEach((k, p) -> profiles.merge(k, p, ColumnProfile::merge));
  }

  /** The hash of the run's content: every record's hash in page order (what a re-run of the same data repeats). */
  String contentSha() {
    MessageDigest d = sha256();
    pageHashes.values().forEach(d::update);
    return HexFormat.of().formatHex(d.digest());
  }

  /**
   * Positions of the earlier versions of ids seen again on a later page (the latest version is kept); a repeat within
   * a page is not one of them (see {@link #repeats}).
   */
  java.util.Set<Long> superseded() {
    Map<String, Long> last = new java.util.HashMap<>();
    java.util.Set<Long> out = new java.util.HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      Long before = last.put(ids.get(i), positions.get(i));
      if (before != null) {
        out.add(before);
      }
    }
    return out;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
