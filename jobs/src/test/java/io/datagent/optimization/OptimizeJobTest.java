package io.datagent.optimization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizeJobTest {

  @Test
  void should_record_the_failure_and_promote_nothing_when_the_evaluation_fails() {
    List<String> recorded = new ArrayList<>();
    List<OptimizationItem> items = List.of(new OptimizationItem("a", "consulta", "¿Cuántas?", "SELECT 1"),
        new OptimizationItem("b", "consulta", "¿Cuáles?", "SELECT 2"), new OptimizationItem("c", "rechazo", "¿2030?", null));
    OptimizationRuntime runtime = (config, env) -> new OptimizationRuntime.Run() {
      @Override
      public List<OptimizationItem> items() {
        return items;
      }

      @Override
      public CandidateEvaluator evaluator() {
        return (candidate, asked) -> {
          throw new IllegalStateException("el almacén SQL no responde");
        };
      }

      @Override
      public Promoter promoter() {
        return new Promoter() {
          @Override
          public Candidate current() {
            return Candidate.prompt("v1", "current", "Instrucciones.");
          }

          @Override
          public String promote(Candidate winner, KindScores before, KindScores after, String reason) {
            recorded.add("promote " + winner.label());
            return "v2";
          }
        };
      }

      @Override
      public List<CandidateSource> sources() {
        return List.of();
      }

      @Override
      public void finished(OptimizationReport report) {
        recorded.add("finished");
      }

      @Override
      public void failed(Exception error) {
        recorded.add("failed: " + error.getMessage());
      }
    };
    OptimizeConfig config = OptimizeJob.config("--benchmark", "banco.jsonl", "--window", "1440m-2026-12-07T00:00:00Z");

    assertThatThrownBy(() -> OptimizeJob.execute(config, runtime, Map.of())).hasMessageContaining("no responde");
    assertThat(recorded).containsExactly("failed: el almacén SQL no responde");
  }
}
