package io.datagent.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.QueryResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static BenchmarkItem item(String kind, String question, String expected) throws Exception {
    var node = JSON.readTree(expected);
    return new BenchmarkItem("x", kind, "original", question, new BenchmarkItem.Expected(node.get("type").asText(), node), null);
  }

  private static AgentAnswer answer(String text, String sql, QueryResult result) {
    return new AgentAnswer(text, AgentAnswer.EXTRACTIVE, sql == null ? List.of() : List.of(sql), List.of(), result, null,
        List.of(), 5, 0, 0, null);
  }

  private static QueryResult table(List<String> columns, List<List<Object>> rows) {
    return new QueryResult(columns, columns.stream().map(c -> "STRING").toList(), rows, false);
  }

  private static final String SUM = "{\"type\":\"number\",\"value\":21011.6,\"decimals\":1}";
  private static final String Q = "Suma de INDUSTRIAS en los días hábiles de marzo de 2024";

  @Test
  void should_be_exact_when_prose_and_table_state_the_number_in_spanish_format() throws Exception {
    var a = answer("La suma de INDUSTRIAS fue de **21.011,6** en los días hábiles de marzo de 2024.\n\nEntendí: suma, 2024-03-01 a 2024-03-31.",
        "SELECT sum(industrias) AS s FROM serving.cammesa_res", table(List.of("s"), List.of(List.of(21011.6))));
    assertEquals(Outcome.EXACT, Scorer.score(item("rango_temporal", Q, SUM), a));
  }

  @Test
  void should_be_wrong_when_the_prose_states_another_number() throws Exception {
    var a = answer("La suma fue 20.500,3.", "SELECT sum(industrias) FROM t", table(List.of("s"), List.of(List.of(20500.3))));
    assertEquals(Outcome.WRONG, Scorer.score(item("rango_temporal", Q, SUM), a));
  }

  @Test
  void should_be_declined_when_rows_are_only_quoted_with_their_file_and_row() throws Exception {
    var a = answer("**Respuesta extractiva:** estas son las filas.\n\n**Filas que coinciden**\n1. Archivo Cammesa_res.csv, fila 12: "
        + "industrias = 1154.0\n\n**SQL para repetir la consulta:**\n```sql\nSELECT * FROM t LIMIT 5\n```\nFuentes:\n- tabla t",
        "SELECT * FROM t LIMIT 5", table(List.of("industrias"), List.of(List.of(1154.0))));
    assertEquals(Outcome.DECLINED, Scorer.score(item("rango_temporal", Q, SUM), a));
  }

  @Test
  void should_not_count_the_numbers_of_the_question_as_stated() throws Exception {
    var a = answer("No encontré datos de INDUSTRIAS para marzo de 2024 en días hábiles; ¿se refiere a 2023?", null, null);
    assertEquals(Outcome.DECLINED, Scorer.score(item("rango_temporal", Q, SUM), a));
    assertEquals(Outcome.EXACT, Scorer.score(item("rechazo", "Dame la demanda de 2026", "{\"type\":\"decline\"}"),
        answer("No hay datos de 2026: la serie termina el 26/3/2025.", null, null)));
  }

  @Test
  void should_be_wrong_when_a_decline_item_gets_a_computed_number() throws Exception {
    var a = answer("Máximo de demanda: 22720,5", "SELECT max(demanda) FROM t", table(List.of("m"), List.of(List.of(22720.5))));
    assertEquals(Outcome.WRONG, Scorer.score(item("rechazo", "¿Cuál es la demanda?", "{\"type\":\"decline\"}"), a));
  }

  @Test
  void should_need_labels_in_order_when_the_item_is_a_ranking() throws Exception {
    String top = "{\"type\":\"ranking\",\"decimals\":3,\"rows\":[[\"YACYHI\",2745.0],[\"COST\",1982.0]]}";
    var right = table(List.of("central", "p"), List.of(List.of("YACYHI", 2745.0), List.of("COST", 1982.0)));
    var swapped = table(List.of("central", "p"), List.of(List.of("COST", 1982.0), List.of("YACYHI", 2745.0)));
    assertEquals(Outcome.EXACT, Scorer.score(item("top_k", "las 2 centrales", top), answer("Las 2 centrales:", "SELECT sum(p) FROM t GROUP BY c", right)));
    assertEquals(Outcome.WRONG, Scorer.score(item("top_k", "las 2 centrales", top), answer("Las 2 centrales:", "SELECT sum(p) FROM t GROUP BY c", swapped)));
  }

  @Test
  void should_accept_a_share_shown_as_a_fraction_in_the_table() throws Exception {
    String share = "{\"type\":\"number\",\"value\":2.20487,\"decimals\":2}";
    var a = answer("El 2,1 % de la potencia es renovable.", "SELECT sum(x) / sum(y) FROM t", table(List.of("f"), List.of(List.of(0.0210))));
    assertEquals(Outcome.WRONG, Scorer.score(item("porcentaje", "¿Qué porcentaje es renovable?", share), a));
    var b = answer("El 2,20 % de la potencia es renovable.", "SELECT sum(x) / sum(y) FROM t", table(List.of("f"), List.of(List.of(0.0220487))));
    assertEquals(Outcome.EXACT, Scorer.score(item("porcentaje", "¿Qué porcentaje es renovable?", share), b));
  }

  @Test
  void should_accept_a_date_label_written_in_spanish_when_the_table_holds_it_in_iso() throws Exception {
    String day = "{\"type\":\"label\",\"label\":\"2024-02-01\",\"value\":22720.5,\"decimals\":1}";
    var a = answer("El 1 de febrero de 2024 tuvo la mayor DEMANDA DISTRIBUIDOR: 22.720,5.", "SELECT fecha, max(d) FROM t GROUP BY fecha",
        table(List.of("fecha", "d"), List.of(List.of("2024-02-01", 22720.5))));
    assertEquals(Outcome.EXACT, Scorer.score(item("top_k", "¿Qué día de 2024 tuvo la mayor DEMANDA DISTRIBUIDOR?", day), a));
  }
}
