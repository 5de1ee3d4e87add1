package io.datagent.ingestion.api;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flattened fields of one record ({@link RecordFlattener}) packed in one byte array: name and value pairs in order,
 * each as a length and its UTF-8 bytes (a null value as length -1).
 *
 * <p>Why not a map: the parsed records are cached in executor memory between the summary pass and the two writes,
 * and Spark sizes a cached partition by walking sampled objects' graphs ({@code SizeEstimator}). A map of ~25
 * entries is ~100 objects per record; that walk was a fifth of the load's task time in {@code ./agent bench api}.
 * One array is one object, and it is also the smaller form in memory.
 */
final class FlatFields implements Serializable {

  private static final long serialVersionUID = 1L;

  private final byte[] data;

  private FlatFields(byte[] data) {
    this.data = data;
  }

  static FlatFields of(Map<String, String> fields) {
    byte[][] parts = new byte[fields.size() * 2][];
    int size = 4;
    int i = 0;
    for (Map.Entry<String, String> f : fields.entrySet()) {
      for (String s : new String[] {f.getKey(), f.getValue()}) {
        parts[i] = s == null ? null : s.getBytes(StandardCharsets.UTF_8);
        size += 4 + (parts[i] == null ? 0 : parts[i].length);
        i++;
      }
    }
    byte[] data = new byte[size];
    int pos = putInt(data, 0, fields.size());
    for (byte[] p : parts) {
      pos = putInt(data, pos, p == null ? -1 : p.length);
      if (p != null) {
        System.arraycopy(p, 0, data, pos, p.length);
        pos += p.length;
      }
    }
    return new FlatFields(data);
  }

  /** The fields in their original order (a new map each call). */
  Map<String, String> toMap() {
    int n = getInt(0);
    Map<String, String> out = new LinkedHashMap<>(n * 2);
    int pos = 4;
    for (int i = 0; i < n; i++) {
      int keyLength = getInt(pos);
      String key = new String(data, pos + 4, keyLength, StandardCharsets.UTF_8);
      pos += 4 + keyLength;
      int valueLength = getInt(pos);
      out.put(key, valueLength < 0 ? null : new String(data, pos + 4, valueLength, StandardCharsets.UTF_8));
      pos += 4 + Math.max(valueLength, 0);
    }
    return out;
  }

  private static int putInt(byte[] b, int pos, int v) {
    b[pos] = (byte) (v >>> 24);
    b[pos + 1] = (byte) (v >>> 16);
    b[pos + 2] = (byte) (v >>> 8);
    b[pos + 3] = (byte) v;
    return pos + 4;
  }

  private int getInt(int pos) {
    return (data[pos] & 0xff) << 24 | (data[pos + 1] & 0xff) << 16 | (data[pos + 2] & 0xff) << 8 | (data[pos + 3] & 0xff);
  }
}
