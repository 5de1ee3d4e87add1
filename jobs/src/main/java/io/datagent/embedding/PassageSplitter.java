package io.datagent.embedding;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text or Markdown file into passages for search: Markdown headings open sections, blank lines separate
 * paragraphs, and paragraphs are packed into passages of at most {@code maxChars} characters (long paragraphs are
 * split). Each passage starts with the file name and its heading path ({@code manual.md — Tarifas > Residencial})
 * and records the line it starts on, so a hit can send the user to the place in the file.
 */
public final class PassageSplitter {

  /** One passage: the 1-based line it starts on, its part number when one paragraph run was split, its text. */
  public record Passage(int line, int part, String text) {}

  private final int maxChars;

  public PassageSplitter(int maxChars) {
    this.maxChars = maxChars;
  }

  public List<Passage> split(String fileName, String content) {
    List<Passage> out = new ArrayList<>();
    String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<String> headings = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    StringBuilder para = new StringBuilder();
    int bodyLine = -1;
    int paraLine = -1;
    for (int i = 0; i <= lines.length; i++) {
      String raw = i < lines.length ? lines[i] : "";
      String line = raw.strip();
      boolean heading = line.startsWith("#") && line.replaceFirst("^#+", "").startsWith(" ");
      if (i == lines.length || line.isEmpty() || heading) {
        if (para.length() > 0) {
          String p = Texts.clean(para.toString());
          if (body.length() > 0 && body.length() + 1 + p.length() > maxChars) {
            flush(out, fileName, headings, body, bodyLine);
            body.setLength(0);
          }
          if (body.length() == 0) {
            bodyLine = paraLine;
          }
          body.append(body.length() == 0 ? "" : "\n").append(p);
          para.setLength(0);
        }
        if (heading || i == lines.length) {
          if (body.length() > 0) {
            flush(out, fileName, headings, body, bodyLine);
            body.setLength(0);
          }
          if (heading) {
            int level = line.indexOf(' ');
            while (headings.size() >= level) {
              headings.remove(headings.size() - 1);
            }
            while (headings.size() < level - 1) {
              headings.add("");
            }
            headings.add(Texts.clean(line.substring(level)));
          }
        }
        continue;
      }
      if (para.length() == 0) {
        paraLine = i + 1;
      }
      para.append(para.length() == 0 ? "" : " ").append(line);
    }
    return out;
  }

  private void flush(List<Passage> out, String fileName, List<String> headings, StringBuilder body, int line) {
    String path = String.join(" > ", headings.stream().filter(h -> !h.isEmpty()).toList());
    String head = fileName + (path.isEmpty() ? "" : " — " + path);
    List<String> pieces = Texts.split(body.toString(), maxChars);
    for (int i = 0; i < pieces.size(); i++) {
      out.add(new Passage(line, i, head + ": " + pieces.get(i)));
    }
  }
}
