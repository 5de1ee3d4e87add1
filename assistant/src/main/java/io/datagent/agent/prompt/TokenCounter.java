package io.datagent.agent.prompt;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens with the cl100k_base BPE (jtokkit, shipped with langchain4j's OpenAI module). Other models'
 * tokenizers differ by some percent; this is the yardstick the prompt budget is checked with.
 */
public final class TokenCounter {

  private static final Encoding ENCODING = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

  private TokenCounter() {}

  public static int count(String text) {
    return text == null || text.isEmpty() ? 0 : ENCODING.countTokens(text);
  }
}
