package io.datagent.retrieval.lucene;

/** Small vector helpers: the index stores unit vectors and ranks by dot product (= cosine). */
public final class Vectors {

  private Vectors() {}

  /** A unit-length copy of {@code v}; throws when it has no direction (all zeros) or holds NaN/infinity. */
  public static float[] normalized(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += (double) x * x;
    }
    if (!(sum > 0) || Double.isInfinite(sum)) {
      throw new IllegalArgumentException("vector vacío, nulo o con valores no finitos (longitud " + v.length + ")");
    }
    float inv = (float) (1.0 / Math.sqrt(sum));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * inv;
    }
    return out;
  }

  public static float dot(float[] a, float[] b) {
    float s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
