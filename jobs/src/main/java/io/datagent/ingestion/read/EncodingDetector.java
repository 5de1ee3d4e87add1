package io.datagent.ingestion.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Guesses the character set of an uploaded text file from its first bytes.
 *
 * <p>Contract of {@link #detect}: a UTF-16 BOM gives UTF-16LE/BE; a UTF-8 BOM, or bytes that decode as strict UTF-8
 * (pure ASCII included), give UTF-8; anything else is windows-1252, the superset of ISO-8859-1 that Spanish Windows
 * tools write. A multi-byte UTF-8 sequence cut by the end of the sample is not evidence against UTF-8.
 *
 * <p>{@code length} is the number of valid bytes in {@code sample} (a read buffer may be larger than what was read);
 * it is clamped to {@code sample.length}.
 */
public final class EncodingDetector {

  /** windows-1252; always present in the JDK. */
  public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Above this share of control characters a sample is binary, not text. */
  private static final double MAX_CONTROL_SHARE = 0.10;

  private EncodingDetector() {}

  /** The charset to decode the file with; see the class contract. */
  public static Charset detect(byte[] sample, int length) {
    int n = Math.min(length, sample.length);
    if (hasUtf16LeBom(sample, n)) {
      return StandardCharsets.UTF_16LE;
    }
    if (hasUtf16BeBom(sample, n)) {
      return StandardCharsets.UTF_16BE;
    }
    if (hasUtf8Bom(sample, n) || isStrictUtf8(sample, n)) {
      return StandardCharsets.UTF_8;
    }
    return WINDOWS_1252;
  }

  /** Bytes to skip before decoding: 3 for a UTF-8 BOM, 2 for a UTF-16 BOM, otherwise 0. */
  public static int bomLength(byte[] sample, int length) {
    int n = Math.min(length, sample.length);
    if (hasUtf8Bom(sample, n)) {
      return 3;
    }
    return hasUtf16LeBom(sample, n) || hasUtf16BeBom(sample, n) ? 2 : 0;
  }

  /**
   * True when the sample is not text: a NUL byte in a file without a UTF-16 BOM, or more than 10 % control
   * characters other than tab, CR, LF and form feed (counted on decoded characters for UTF-16). Empty is not binary.
   */
  public static boolean looksBinary(byte[] sample, int length) {
    int n = Math.min(length, sample.length);
    if (n == 0) {
      return false;
    }
    if (hasUtf16LeBom(sample, n) || hasUtf16BeBom(sample, n)) {
      Charset cs = hasUtf16LeBom(sample, n) ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
      String text = new String(sample, 2, (n - 2) & ~1, cs);
      int controls = 0;
      for (int i = 0; i < text.length(); i++) {
        if (isControl(text.charAt(i))) {
          controls++;
        }
      }
      return controls > MAX_CONTROL_SHARE * Math.max(1, text.length());
    }
    int controls = 0;
    for (int i = 0; i < n; i++) {
      int b = sample[i] & 0xFF;
      if (b == 0) {
        return true;
      }
      if (isControl(b)) {
        controls++;
      }
    }
    return controls > MAX_CONTROL_SHARE * n;
  }

  private static boolean isControl(int c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
  }

  private static boolean isStrictUtf8(byte[] sample, int n) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(sample, 0, n);
    CharBuffer out = CharBuffer.allocate(Math.max(16, n));
    // endOfInput=false: an incomplete sequence at the very end is left unread (UNDERFLOW), not reported as malformed.
    CoderResult result = decoder.decode(in, out, false);
    return !result.isError() && in.remaining() < 4;
  }

  private static boolean hasUtf8Bom(byte[] s, int n) {
    return n >= 3 && (s[0] & 0xFF) == 0xEF && (s[1] & 0xFF) == 0xBB && (s[2] & 0xFF) == 0xBF;
  }

  private static boolean hasUtf16LeBom(byte[] s, int n) {
    return n >= 2 && (s[0] & 0xFF) == 0xFF && (s[1] & 0xFF) == 0xFE;
  }

  private static boolean hasUtf16BeBom(byte[] s, int n) {
    return n >= 2 && (s[0] & 0xFF) == 0xFE && (s[1] & 0xFF) == 0xFF;
  }
}
