package io.datagent.retrieval.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

  @Test
  void should_rank_first_what_both_rankings_place_high() {
    // given
    ReciprocalRankFusion rrf = new ReciprocalRankFusion(60);

    // when
    var fused = rrf.fuse(new ReciprocalRankFusion.Ranking<>(List.of("a", "b", "c"), 1.0),
        new ReciprocalRankFusion.Ranking<>(List.of("b", "d", "e"), 1.0));

    // then
    assertThat(fused).extracting(ReciprocalRankFusion.Fused::key).containsExactly("b", "a", "d", "c", "e");
    assertThat(fused.get(0).score()).isEqualTo(1.0 / 62 + 1.0 / 61);
  }

  @Test
  void should_follow_the_heavier_ranking_when_weights_differ() {
    // given
    ReciprocalRankFusion rrf = new ReciprocalRankFusion(5);

    // when
    var fused = rrf.fuse(new ReciprocalRankFusion.Ranking<>(List.of("lex"), 1.0),
        new ReciprocalRankFusion.Ranking<>(List.of("vec"), 0.4));

    // then
    assertThat(fused).extracting(ReciprocalRankFusion.Fused::key).containsExactly("lex", "vec");
  }

  @Test
  void should_break_ties_by_the_first_ranking() {
    var fused = new ReciprocalRankFusion(60).fuse(new ReciprocalRankFusion.Ranking<>(List.of("x", "y"), 1.0),
        new ReciprocalRankFusion.Ranking<>(List.of("y", "x"), 1.0));
    assertThat(fused).extracting(ReciprocalRankFusion.Fused::key).containsExactly("x", "y");
  }
}
