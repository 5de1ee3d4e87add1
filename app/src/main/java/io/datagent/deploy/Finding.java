package io.datagent.deploy;

/**
 * One prerequisite of a deploy as {@link Doctor} found it.
 *
 * @param what    the prerequisite, in Spanish (e.g. "catálogo main")
 * @param ok      whether the deploy has it
 * @param detail  what was found, in Spanish
 * @param fix     the command (or step) that fixes a miss; empty when {@code ok}
 */
public record Finding(String what, boolean ok, String detail, String fix) {

  static Finding ok(String what, String detail) {
    return new Finding(what, true, detail, "");
  }

  static Finding missing(String what, String detail, String fix) {
    return new Finding(what, false, detail, fix);
  }

  /** The lines {@code ./agent doctor} prints. */
  public String render() {
    return (ok ? "✓ " : "✗ ") + what + ": " + detail + (ok ? "" : System.lineSeparator() + "    arreglo: " + fix);
  }
}
