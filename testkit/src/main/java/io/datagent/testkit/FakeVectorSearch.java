package io.datagent.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagent.testkit.FakeWorkspace.Reply;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TRIGGERED Delta Sync indexes as the Vector Search API shows them: {@code POST /api/2.0/vector-search/indexes/{name}/sync}
 * starts an update and {@code GET /api/2.0/vector-search/indexes/{name}} answers the index with its {@code status}
 * ({@code ready}, {@code detailed_state}, {@code message}, {@code indexed_row_count}, {@code index_url},
 * {@code triggered_update_status.last_processed_commit_version}). After a sync an index reports
 * {@code ONLINE_TRIGGERED_UPDATE} for its scripted number of reads, then either {@code ONLINE_NO_PENDING_UPDATE} with
 * the source table's version at the sync processed, or the scripted failure; an index scripted to hang never finishes.
 * An unknown index is a 404 {@code RESOURCE_DOES_NOT_EXIST}.
 *
 * <p>A sync asked while an update runs (one started by someone else, {@link #updateRunning}, or the last sync still at
 * work) is refused as users report the workspace refuses it: HTTP 400, "Index is not ready to sync yet. Pipeline is in
 * state RUNNING and needs to be in one of the following states to sync: COMPLETED, FAILED, CANCELED." The message is
 * the reported one; its {@code error_code}, {@code BAD_REQUEST}, is inferred (see jobs' {@code IndexSync}).
 */
public final class FakeVectorSearch {

  static final String NOT_READY = "Index is not ready to sync yet. Pipeline is in state RUNNING and needs to be in one "
      + "of the following states to sync: COMPLETED, FAILED, CANCELED.";

  /** What a sync of one index does: reads while busy, then success, a failure state, or never done (reads &lt; 0). */
  private record Script(int busyReads, String failState, String failMessage) {}

  /** An update at work: the state it shows, the source version it reads up to, and how it ends. */
  private record Update(String state, long upTo, Script script) {}

  private static final class Index {
    volatile Script script = new Script(0, null, null);
    volatile Update update;
    volatile int busyLeft;
    volatile String failed;
    volatile String message;
    volatile long version = 1;
    volatile long source = 2;
    volatile long rows;
    volatile int syncs;
    volatile int refused;
    volatile int lag;
    volatile int lagLeft;
    volatile String shownBefore;
    volatile String messageBefore;
  }

  private final Map<String, Index> indexes = new ConcurrentHashMap<>();

  /**
   * A TRIGGERED index, online and idle, holding {@code rows} rows, that processed source version 1 of a table now at
   * version 2 (the embeddings just written).
   */
  public FakeVectorSearch index(String name, long rows) {
    indexes.computeIfAbsent(name, k -> new Index()).rows = rows;
    return this;
  }

  /** Each sync of {@code name} keeps it updating for {@code reads} status reads, then it is idle again. */
  public FakeVectorSearch syncTakes(String name, int reads) {
    index(name).script = new Script(reads, null, null);
    return this;
  }

  /** Each sync of {@code name} updates for {@code reads} reads, then fails in {@code state} saying {@code message}. */
  public FakeVectorSearch syncFails(String name, int reads, String state, String message) {
    index(name).script = new Script(reads, state, message);
    return this;
  }

  /** A sync of {@code name} never finishes. */
  public FakeVectorSearch syncHangs(String name) {
    index(name).script = new Script(-1, null, null);
    return this;
  }

  /**
   * An update started by someone else runs now, showing {@code state} ({@code ONLINE_TRIGGERED_UPDATE},
   * {@code PROVISIONING_INITIAL_SNAPSHOT}…) for {@code reads} reads and reading the source only up to its version now.
   */
  public FakeVectorSearch updateRunning(String name, String state, int reads) {
    Index i = index(name);
    synchronized (i) {
      i.update = new Update(state, i.source, new Script(reads, null, null));
      i.busyLeft = reads;
      i.failed = null;
      i.message = null;
    }
    return this;
  }

  /**
   * After each accepted sync, GetIndex still answers the state from before the sync for {@code reads} reads (an
   * inferred lag, as an idle index may never show a short update).
   */
  public FakeVectorSearch stateLags(String name, int reads) {
    index(name).lag = reads;
    return this;
  }

  /** The index's last update failed: it shows {@code state} ({@code ONLINE_PIPELINE_FAILED}…) saying {@code message}. */
  public FakeVectorSearch failed(String name, String state, String message) {
    Index i = index(name);
    synchronized (i) {
      i.update = null;
      i.failed = state;
      i.message = message;
    }
    return this;
  }

  /** A new commit to the index's source table (its version goes up by one). */
  public FakeVectorSearch commit(String name) {
    Index i = index(name);
    synchronized (i) {
      i.source++;
    }
    return this;
  }

  /** How many syncs of {@code name} were accepted. */
  public int syncs(String name) {
    Index i = indexes.get(name);
    return i == null ? 0 : i.syncs;
  }

  /** How many syncs of {@code name} were refused because an update was running. */
  public int refusedSyncs(String name) {
    Index i = indexes.get(name);
    return i == null ? 0 : i.refused;
  }

  /** The source table's version the index last processed. */
  public long processedVersion(String name) {
    return index(name).version;
  }

  /** The source table's newest version. */
  public long sourceVersion(String name) {
    return index(name).source;
  }

  private Index index(String name) {
    Index i = indexes.get(name);
    if (i == null) {
      throw new IllegalStateException("fake Vector Search: declare index " + name + " first");
    }
    return i;
  }

  void install(FakeWorkspace ws) {
    ws.route("POST", "/api/2\\.0/vector-search/indexes/[^/]+/sync", (c, b) -> {
      Index i = indexes.get(name(c.path()));
      if (i == null) {
        return missing(name(c.path()));
      }
      synchronized (i) {
        if (i.update != null) {
          i.refused++;
          return Reply.error(400, "BAD_REQUEST", NOT_READY);
        }
        i.syncs++;
        i.shownBefore = i.failed;
        i.messageBefore = i.message;
        i.lagLeft = i.lag;
        i.update = new Update("ONLINE_TRIGGERED_UPDATE", i.source, i.script);
        i.failed = null;
        i.message = null;
        i.busyLeft = i.script.busyReads();
      }
      return Reply.json("{}");
    });
    ws.route("GET", "/api/2\\.0/vector-search/indexes/[^/]+", (c, b) -> {
      String name = name(c.path());
      Index i = indexes.get(name);
      return i == null ? missing(name) : Reply.json(read(name, i, ws.url()).toString());
    });
  }

  private static ObjectNode read(String name, Index i, String host) {
    synchronized (i) {
      Update u = i.update;
      boolean lagging = i.lagLeft > 0;
      if (lagging) {
        i.lagLeft--;
      } else if (u != null && i.busyLeft == 0) {
        i.update = null;
        if (u.script().failState() != null) {
          i.failed = u.script().failState();
          i.message = u.script().failMessage();
        } else {
          i.version = Math.max(i.version, u.upTo());
        }
      } else if (u != null && i.busyLeft > 0) {
        i.busyLeft--;
      }
      ObjectNode out = FakeWorkspace.JSON.createObjectNode().put("name", name).put("endpoint_name", "datagent")
          .put("primary_key", "doc_id").put("index_type", "DELTA_SYNC").put("creator", "runner@example.com");
      out.putObject("delta_sync_index_spec").put("source_table", name.replaceAll("_index$", ""))
          .put("pipeline_type", "TRIGGERED").put("pipeline_id", "pipe-" + Math.abs(name.hashCode()));
      ObjectNode s = out.putObject("status");
      String state = lagging ? (i.shownBefore != null ? i.shownBefore : "ONLINE_NO_PENDING_UPDATE")
          : i.failed != null ? i.failed : i.update != null ? i.update.state() : "ONLINE_NO_PENDING_UPDATE";
      String message = lagging ? i.messageBefore : i.message;
      boolean busy = !lagging && i.update != null;
      s.put("ready", !state.startsWith("OFFLINE") && !state.startsWith("PROVISIONING")).put("detailed_state", state)
          .put("indexed_row_count", i.rows)
          .put("index_url", host.replaceFirst("^https?://", "") + "/api/2.0/vector-search/endpoints/datagent/indexes/" + name);
      s.put("message", message != null ? message : busy ? "Index is currently updating."
          : "Index is currently online and has no pending updates.");
      s.putObject("triggered_update_status").put("last_processed_commit_version", i.version)
          .put("last_processed_commit_timestamp", "2026-01-01T00:00:0" + Math.min(9, i.version) + "Z");
      return out;
    }
  }

  private static Reply missing(String name) {
    return Reply.error(404, "RESOURCE_DOES_NOT_EXIST", "Index " + name + " does not exist.");
  }

  private static String name(String path) {
    return path.split("/")[5];
  }
}
