package io.datagent.agent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.AnswerListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveAnswerTest {

  final List<String> events = new ArrayList<>();
  final LiveAnswer live = new LiveAnswer(new AnswerListener() {
    @Override
    public void onToken(String t) {
      events.add(t);
    }

    @Override
    public void onTokensDiscarded() {
      events.add("<discarded>");
    }
  });

  @Test
  void should_send_tokens_adding_up_to_stripped_text_when_pieces_have_outer_whitespace() {
    for (String p : List.of("\n", "  Hola", " ", "mundo", ".\n\n", " ")) {
      live.piece(p);
    }
    live.complete("Hola mundo.");

    assertThat(events).containsExactly("Hola", " mundo", ".");
    assertThat(String.join("", events)).isEqualTo("Hola mundo.");
  }

  @Test
  void should_send_only_the_footer_when_final_text_continues_what_was_shown() {
    live.piece("ABRO: 25 MW. ");
    live.complete("ABRO: 25 MW.\n\nFuentes:\n- tabla serving.potenciainstalada");

    assertThat(events).containsExactly("ABRO: 25 MW.", "\n\nFuentes:\n- tabla serving.potenciainstalada");
  }

  @Test
  void should_discard_and_send_whole_text_when_final_text_does_not_continue_what_was_shown() {
    live.piece("Borrador");
    live.complete("Otra respuesta.");

    assertThat(events).containsExactly("Borrador", "<discarded>", "Otra respuesta.");
  }

  @Test
  void should_not_signal_discard_when_nothing_was_shown() {
    live.piece("   ");
    live.discard();
    live.complete("Hola.");

    assertThat(events).containsExactly("Hola.");
  }
}
