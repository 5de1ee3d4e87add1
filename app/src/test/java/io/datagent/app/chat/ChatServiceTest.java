package io.datagent.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagent.agent.Agent;
import io.datagent.agent.AgentAnswer;
import io.datagent.agent.AgentRequest;
import io.datagent.agent.AnswerListener;
import io.datagent.app.TestAgent;
import io.datagent.app.TestPostgres;
import io.datagent.app.state.ConversationStore;
import io.datagent.app.state.JsonCodec;
import io.datagent.app.state.StateDatabase;
import io.datagent.app.trace.TraceExporter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The chat service over a real PostgreSQL: how many questions it answers at once, and what it records. */
class ChatServiceTest {

  /** Holds every answer until released, counting how many are being answered at the same moment. */
  static final class GatedAgent implements Agent {
    final TestAgent answers = new TestAgent();
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();
    final AtomicInteger entered = new AtomicInteger();

    @Override
    public AgentAnswer answer(AgentRequest request, AnswerListener listener) {
      most.accumulateAndGet(inside.incrementAndGet(), Math::max);
      entered.incrementAndGet();
      try {
        release.await(30, TimeUnit.SECONDS);
        return answers.answer(request, listener);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        inside.decrementAndGet();
      }
    }
  }

  static ConversationStore store;

  static ChatService service(Agent agent, int concurrent) {
    DataSource ds = TestPostgres.freshDatabase();
    new StateDatabase(ds).migrate();
    store = new ConversationStore(ds, new JsonCodec(), 50);
    return new ChatService(agent, store, TraceExporter.none(), new ChatService.Limits(2000, 10, 500, concurrent),
        Clock.systemUTC());
  }

  @Test
  void should_answer_at_most_the_configured_number_at_once_and_the_rest_after_them() throws Exception {
    // given: 2 slots and 6 analysts asking at the same time
    GatedAgent agent = new GatedAgent();
    ChatService chat = service(agent, 2);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<AnswerView>> asked = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        String who = "analista" + i + "@example.com";
        asked.add(pool.submit(() -> chat.answer(who, null, "potencia por región", chat.prepare(who, "potencia por región", null),
            AnswerListener.NONE)));
      }
      while (agent.entered.get() < 2) {
        Thread.sleep(5);
      }
      Thread.sleep(200); // time enough for the other four to reach the agent, were they let in

      // when
      int insideBeforeRelease = agent.inside.get();
      agent.release.countDown();

      // then
      for (Future<AnswerView> f : asked) {
        AnswerView v = f.get(30, TimeUnit.SECONDS);
        assertThat(v.stored()).isTrue();
        assertThat(v.answer()).contains("Comahue");
      }
      assertThat(insideBeforeRelease).isEqualTo(2);
      assertThat(agent.most.get()).isEqualTo(2);
      assertThat(agent.entered.get()).isEqualTo(6);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void should_answer_many_at_once_when_answers_wait_on_services_and_twice_the_cores_when_all_work_is_in_process() {
    assertThat(ChatService.Limits.concurrentAnswers(false, 32)).isEqualTo(32);
    assertThat(ChatService.Limits.concurrentAnswers(true, 32))
        .isEqualTo(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
  }

  @Test
  void should_return_the_json_it_stored_in_the_history() throws Exception {
    // given
    ChatService chat = service(new TestAgent(), 4);
    ChatService.Conversation conversation = chat.prepare("ana@example.com", "potencia", null);

    // when
    ChatService.Reply reply = chat.reply("ana@example.com", null, "potencia", conversation, AnswerListener.NONE);

    // then: the history keeps the very answer the page got
    JsonCodec json = new JsonCodec();
    assertThat(json.read(reply.json(), AnswerView.class)).isEqualTo(reply.view());
    assertThat(store.messages(conversation.id(), 2).get(1).payload()).isEqualTo(json.tree(reply.json()));
  }
}
