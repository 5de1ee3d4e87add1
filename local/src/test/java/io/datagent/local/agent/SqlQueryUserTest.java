package io.datagent.local.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.agent.sql.SqlExecutionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Who a statement is for, and the slots each user and all users get (no Spark needed). */
class SqlQueryUserTest {

  @Test
  void should_run_agent_with_the_requests_user_and_clear_it_after() {
    AtomicReference<String> seen = new AtomicReference<>();
    var agent = QueryUser.scoped((AgentRequest request, AnswerListener listener) -> {
      seen.set(QueryUser.current());
      return null;
    });
    agent.answer(new AgentRequest("¿cuánto?", "ana@datagent.local", null, null, List.of()), AnswerListener.NONE);

    assertThat(seen.get()).isEqualTo("ana@datagent.local");
    assertThat(QueryUser.current()).isNull();
  }

  @Test
  void should_refuse_beyond_per_user_and_global_slots_and_give_them_back() throws Exception {
    QuerySlots slots = new QuerySlots(new QuerySlots.Limits(1, 2, Duration.ofMillis(100)));
    QuerySlots.Slot ana = slots.acquire("ana");
    assertThatThrownBy(() -> slots.acquire("ana")).isInstanceOf(SqlExecutionException.class)
        .hasMessageContaining("demasiadas consultas en curso para este usuario");
    QuerySlots.Slot luis = slots.acquire("luis");
    assertThatThrownBy(() -> slots.acquire("eva")).isInstanceOf(SqlExecutionException.class)
        .hasMessageContaining("demasiadas consultas en curso en este equipo");
    assertThatThrownBy(() -> slots.acquire(null)).isInstanceOf(SqlExecutionException.class);
    assertThat(slots.running("eva")).isZero(); // a refused global slot gives the user's back

    ana.release();
    ana.release(); // idempotent
    assertThat(slots.running("ana")).isZero();
    slots.acquire("eva").release();
    luis.release();
    slots.acquire(null).release();
  }

  @Test
  void should_read_limits_from_the_environment() {
    SparkSqlExecutor.Limits l = SparkSqlExecutor.Limits.fromEnv(Map.of("DATAGENT_SQL_MAX_PER_USER", "3",
        "DATAGENT_SQL_MAX_CONCURRENT", "8", "DATAGENT_SQL_MAX_CROSS_PAIRS", "1_000_000", "DATAGENT_SQL_SLOT_WAIT_SECONDS", "2"));
    assertThat(l.perUser()).isEqualTo(3);
    assertThat(l.global()).isEqualTo(8);
    assertThat(l.maxNestedLoopPairs()).isEqualTo(1_000_000L);
    assertThat(l.slotWait()).isEqualTo(Duration.ofSeconds(2));
    assertThat(SparkSqlExecutor.Limits.fromEnv(Map.of()).global()).isGreaterThanOrEqualTo(4);
    assertThatThrownBy(() -> SparkSqlExecutor.Limits.fromEnv(Map.of("DATAGENT_SQL_MAX_PER_USER", "0")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
