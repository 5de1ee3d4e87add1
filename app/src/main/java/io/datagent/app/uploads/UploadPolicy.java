package io.datagent.app.uploads;

import io.datagent.app.Refusal;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * What may be uploaded: CSV/TXT/Excel files up to a size, with a safe name and content that matches the extension
 * (an .xlsx is a ZIP, an .xls an OLE2 document, a CSV has no NUL bytes unless it is UTF-16 with a BOM).
 */
public final class UploadPolicy {

  public static final int MAX_NAME = 120;
  private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

  private final long maxBytes;

  public UploadPolicy(long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("DATAGENT_UPLOAD_MAX_MB debe ser positivo");
    }
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** The name the file gets in the Volume: no folders, no control or shell characters, extension kept. */
  public String safeName(String original) {
    if (original == null || original.isBlank()) {
      throw new Refusal(Refusal.Kind.INVALID, "Falta el archivo (campo «file»).");
    }
    String base = original.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).strip();
    base = Normalizer.normalize(base, Normalizer.Form.NFC).replaceAll("[^\\p{L}\\p{N} ._()\\-]", "_");
    String ext = extension(base);
    while (base.startsWith(".")) {
      base = base.substring(1);
    }
    if (ext == null) {
      throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE,
          "Tipo de archivo no admitido: «" + original.strip() + "». Se aceptan CSV, TXT y Excel (.xlsx, .xls).");
    }
    if (base.toLowerCase(Locale.ROOT).endsWith(".diccionario.csv")) {
      throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, "Los diccionarios de columnas (.diccionario.csv) no se cargan "
          + "solos: se leen junto a su archivo de datos cuando está en la misma carpeta.");
    }
    if (base.length() > MAX_NAME) {
      String suffix = base.substring(base.lastIndexOf('.'));
      base = base.substring(0, MAX_NAME - suffix.length()) + suffix;
    }
    if (base.length() <= ext.length() + 1 || extension(base) == null) { // "", ".csv" or "....csv": no name left
      throw Refusal.invalid("El nombre del archivo no es válido: «" + original.strip() + "».");
    }
    return base;
  }

  public void checkSize(long bytes) {
    if (bytes > maxBytes) {
      throw new Refusal(Refusal.Kind.TOO_LARGE, String.format(Locale.ROOT,
          "El archivo es demasiado grande (%.1f MB); el máximo es %d MB.", bytes / 1e6, maxBytes / 1_000_000));
    }
    if (bytes == 0) {
      throw Refusal.invalid("El archivo está vacío.");
    }
  }

  /** Checks that the first bytes of the file fit its extension. */
  public void checkContent(String safeName, byte[] head, int length) {
    String ext = extension(safeName);
    byte[] h = Arrays.copyOf(head, Math.max(0, length));
    boolean ok = switch (ext) {
      case "xlsx" -> startsWith(h, ZIP);
      case "xls" -> startsWith(h, OLE2) || looksLikeText(h);
      default -> looksLikeText(h);
    };
    if (!ok) {
      throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, "El contenido de «" + safeName + "» no corresponde a un archivo ."
          + ext + (ext.startsWith("xls") ? " de Excel." : " de texto (¿es un archivo binario con otra extensión?)."));
    }
  }

  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return null;
    }
    String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "csv", "txt", "xlsx", "xls" -> ext;
      default -> null;
    };
  }

  private static boolean startsWith(byte[] h, byte[] magic) {
    if (h.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (h[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean looksLikeText(byte[] h) {
    if (h.length >= 2 && ((h[0] == (byte) 0xFF && h[1] == (byte) 0xFE) || (h[0] == (byte) 0xFE && h[1] == (byte) 0xFF))) {
      return true;
    }
    if (startsWith(h, ZIP) || startsWith(h, OLE2)) {
      return false;
    }
    for (byte b : h) {
      if (b == 0) {
        return false;
      }
    }
    return true;
  }
}
