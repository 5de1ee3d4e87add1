package io.datagent.jobmonitor.classify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds many lower-case ASCII phrases in one pass over a text (Aho-Corasick, as a full transition table), so that
 * adding signals does not slow triage down. Characters outside ASCII restart the automaton.
 */
final class PhraseMatcher {

  /** Receives each match: the phrase index and the offset just after its last character. */
  interface Hits {
    void hit(int phrase, int end);
  }

  private static final int ALPHABET = 128;

  private final int[][] next;
  private final int[][] out;

  PhraseMatcher(List<String> phrases) {
    List<int[]> trans = new ArrayList<>();
    List<List<Integer>> outs = new ArrayList<>();
    trans.add(newRow());
    outs.add(new ArrayList<>());
    for (int p = 0; p < phrases.size(); p++) {
      int s = 0;
      for (char c : phrases.get(p).toCharArray()) {
        if (c >= ALPHABET) {
          throw new IllegalArgumentException("phrase must be ASCII: " + phrases.get(p));
        }
        if (trans.get(s)[c] < 0) {
          trans.get(s)[c] = trans.size();
          trans.add(newRow());
          outs.add(new ArrayList<>());
        }
        s = trans.get(s)[c];
      }
      outs.get(s).add(p);
    }
    int[] fail = new int[trans.size()];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < ALPHABET; c++) {
      int t = trans.get(0)[c];
      if (t < 0) {
        trans.get(0)[c] = 0;
      } else {
        fail[t] = 0;
        queue.add(t);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      outs.get(s).addAll(outs.get(fail[s]));
      for (int c = 0; c < ALPHABET; c++) {
        int t = trans.get(s)[c];
        if (t < 0) {
          trans.get(s)[c] = trans.get(fail[s])[c];
        } else {
          fail[t] = trans.get(fail[s])[c];
          queue.add(t);
        }
      }
    }
    next = trans.toArray(new int[0][]);
    out = new int[outs.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = outs.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private static int[] newRow() {
    int[] r = new int[ALPHABET];
    Arrays.fill(r, -1);
    return r;
  }

  void scan(String lower, Hits hits) {
    int s = 0;
    for (int i = 0, n = lower.length(); i < n; i++) {
      char c = lower.charAt(i);
      s = c < ALPHABET ? next[s][c] : 0;
      int[] o = out[s];
      for (int p : o) {
        hits.hit(p, i + 1);
      }
    }
  }
}
