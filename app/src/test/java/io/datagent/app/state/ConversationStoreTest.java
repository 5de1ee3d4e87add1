package io.datagent.app.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagent.app.TestPostgres;
import io.datagent.app.trace.QuestionTrace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Recording exchanges on a real PostgreSQL: many at once share transactions, and a bad one fails alone. */
class ConversationStoreTest {

  static QuestionTrace trace(String user, UUID conversation, String question) {
    return new QuestionTrace(UUID.randomUUID(), Instant.now(), user, conversation, question, "respuesta a " + question,
        "extractive", List.of("SELECT 1"), List.of(), List.of(), 3, 0, 0, null);
  }

  static ConversationStore store(DataSource ds) {
    new StateDatabase(ds).migrate();
    JsonCodec json = new JsonCodec();
    return new ConversationStore(ds, json, 5);
  }

  @Test
  void should_commit_every_exchange_and_keep_each_users_bound_when_many_are_recorded_at_once() throws Exception {
    DataSource ds = TestPostgres.freshDatabase();
    ConversationStore store = store(ds);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < 240; i++) {
      String user = "analista" + (i % 8) + "@example.com";
      int n = i;
      done.add(pool.submit(() -> store.recordExchange(trace(user, UUID.randomUUID(), "pregunta " + n), Map.of("n", n))));
    }
    for (Future<?> f : done) {
      f.get(); // every caller returns only once its exchange is committed
    }
    pool.shutdown();

    assertThat(count(ds, "SELECT count(*) FROM app.traces")).isEqualTo(240);
    for (int u = 0; u < 8; u++) {
      String user = "analista" + u + "@example.com";
      assertThat(store.list(user, 100)).hasSize(5);
      // the conversations kept are the user's most recent ones
      assertThat(store.list(user, 100)).allSatisfy(c -> assertThat(count(ds,
          "SELECT count(*) FROM app.traces WHERE user_email = '" + user + "' AND created_at > '" + c.updatedAt() + "'"))
          .isLessThanOrEqualTo(5));
    }
    assertThat(count(ds, "SELECT count(*) FROM app.messages")).isEqualTo(8 * 5 * 2);
  }

  @Test
  void should_fail_only_the_exchange_postgres_refuses_when_it_is_recorded_with_others() throws Exception {
    DataSource ds = TestPostgres.freshDatabase();
    ConversationStore store = store(ds);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> good = new ArrayList<>();
    Future<?> bad = null;
    for (int i = 0; i < 40; i++) {
      int n = i;
      if (i == 20) { // PostgreSQL text cannot hold a NUL character (questions are cleaned; identities never carry one)
        bad = pool.submit(() -> store.recordExchange(trace("b\u0000@example.com", UUID.randomUUID(), "mala pregunta"), Map.of()));
      } else {
        good.add(pool.submit(() -> store.recordExchange(trace("a" + (n % 4) + "@example.com", UUID.randomUUID(), "buena " + n),
            Map.of())));
      }
    }
    for (Future<?> f : good) {
      f.get();
    }
    Future<?> refused = bad;
    assertThatThrownBy(refused::get).hasCauseInstanceOf(StateException.class);
    pool.shutdown();
    assertThat(count(ds, "SELECT count(*) FROM app.traces")).isEqualTo(39);
    assertThat(count(ds, "SELECT count(*) FROM app.traces WHERE user_email LIKE 'b%'")).isZero();
  }

  @Test
  void should_record_an_exchange_whose_question_and_answer_carry_nul_characters() throws Exception {
    DataSource ds = TestPostgres.freshDatabase();
    ConversationStore store = store(ds);
    // a cell of an uploaded file or a model's answer can carry a NUL: the exchange is kept, the NUL shown as U+FFFD
    store.recordExchange(trace("n@example.com", UUID.randomUUID(), "pre\u0000gunta"), Map.of("celda", "a\u0000b"));
    assertThat(count(ds, "SELECT count(*) FROM app.traces WHERE question = 'pre\uFFFDgunta'")).isEqualTo(1);
  }

  @Test
  void should_give_a_follow_up_the_turns_recorded_before_it() {
    DataSource ds = TestPostgres.freshDatabase();
    ConversationStore store = store(ds);
    UUID conversation = UUID.randomUUID();
    store.recordExchange(trace("c@example.com", conversation, "primera"), Map.of());
    store.recordExchange(trace("c@example.com", conversation, "segunda"), Map.of());

    assertThat(store.messages(conversation, 10)).extracting(StoredMessage::content)
        .containsExactly("primera", "respuesta a primera", "segunda", "respuesta a segunda");
    assertThat(store.owner(conversation)).contains("c@example.com");
  }

  static long count(DataSource ds, String sql) {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
