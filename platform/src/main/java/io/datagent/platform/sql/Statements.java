package io.datagent.platform.sql;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.sql.CancelExecutionRequest;
import com.databricks.sdk.service.sql.ColumnInfo;
import com.databricks.sdk.service.sql.Disposition;
import com.databricks.sdk.service.sql.ExecuteStatementRequest;
import com.databricks.sdk.service.sql.ExecuteStatementRequestOnWaitTimeout;
import com.databricks.sdk.service.sql.Format;
import com.databricks.sdk.service.sql.ResultData;
import com.databricks.sdk.service.sql.StatementParameterListItem;
import com.databricks.sdk.service.sql.StatementResponse;
import com.databricks.sdk.service.sql.StatementState;
import io.datagent.platform.Operation;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * SQL on the process's warehouse through the SDK's Statement Execution API: {@code INLINE} + {@code JSON_ARRAY},
 * waits up to 50 s in the call, then polls with back-off; at the deadline the statement is cancelled; further result
 * chunks are fetched until the row limit. With a user token the statement runs as that user (on-behalf-of).
 *
 * <p>Failures are {@link PlatformException}s: a FAILED statement carries the warehouse's {@code error_code} (e.g.
 * {@code TABLE_OR_VIEW_NOT_FOUND}) with status 400; a timeout has error code {@link #TIMEOUT}.
 */
public final class Statements {

  /** The error code of a statement cancelled at its deadline. */
  public static final String TIMEOUT = "STATEMENT_TIMEOUT";

  private final Platform platform;
  private final String warehouseId;
  private final Duration firstPoll;

  public Statements(Platform platform, String warehouseId) {
    this(platform, warehouseId, Duration.ofMillis(200));
  }

  public Statements(Platform platform, String warehouseId, Duration firstPoll) {
    this.platform = platform;
    this.warehouseId = warehouseId;
    this.firstPoll = firstPoll;
  }

  public StatementResult execute(StatementRequest request) {
    return execute(request, null);
  }

  /** Runs {@code request} as the user of {@code userToken}, or as the service principal when it is null. */
  public StatementResult execute(StatementRequest request, String userToken) {
    Operation op = Operation.of("run a statement on SQL warehouse " + warehouseId,
        "consultar el almacén SQL " + warehouseId);
    return platform.call(op, userToken, w -> run(w, op, request));
  }

  private StatementResult run(WorkspaceClient w, Operation op, StatementRequest request) {
    long deadline = System.nanoTime() + request.timeout().toNanos();
    long wait = Math.max(5, Math.min(50, request.timeout().toSeconds()));
    ExecuteStatementRequest req = new ExecuteStatementRequest().setWarehouseId(warehouseId)
        .setStatement(request.sql()).setWaitTimeout(wait + "s")
        // a statement that may not outlive the wait is cancelled by the warehouse itself (no polling)
        .setOnWaitTimeout(request.timeout().toSeconds() <= 50 ? ExecuteStatementRequestOnWaitTimeout.CANCEL
            : ExecuteStatementRequestOnWaitTimeout.CONTINUE)
        .setDisposition(Disposition.INLINE).setFormat(Format.JSON_ARRAY)
        .setCatalog(request.catalog()).setSchema(request.schema());
    if (request.rowLimit() > 0) {
      req.setRowLimit(request.rowLimit());
    }
    if (!request.parameters().isEmpty()) {
      List<StatementParameterListItem> ps = new ArrayList<>();
      request.parameters().forEach((k, v) -> ps.add(new StatementParameterListItem().setName(k).setValue(v).setType("STRING")));
      req.setParameters(ps);
    }
    StatementResponse r = w.statementExecution().executeStatement(req);
    Duration pause = firstPoll;
    while (running(r)) {
      if (System.nanoTime() > deadline) {
        cancel(w, r.getStatementId());
        throw timeout(op, request.timeout());
      }
      sleep(pause);
      pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(3)) > 0 ? Duration.ofSeconds(3) : pause.multipliedBy(2);
      r = w.statementExecution().getStatement(r.getStatementId());
    }
    StatementState state = r.getStatus() == null ? null : r.getStatus().getState();
    if (state == StatementState.CANCELED || state == StatementState.CLOSED) {
      throw timeout(op, request.timeout());
    }
    if (state != StatementState.SUCCEEDED) {
      String message = r.getStatus() != null && r.getStatus().getError() != null ? r.getStatus().getError().getMessage() : null;
      String code = errorClass(message);
      if (code == null) {
        code = r.getStatus() != null && r.getStatus().getError() != null && r.getStatus().getError().getErrorCode() != null
            ? r.getStatus().getError().getErrorCode().name() : "STATEMENT_FAILED";
      }
      throw new PlatformException(400, code, op.english() + " ended in " + state + ": " + message,
          message != null ? message : "La consulta falló en el almacén SQL (" + state + ").", null);
    }
    return result(w, r, request.rowLimit() > 0 ? request.rowLimit() : Long.MAX_VALUE, deadline, op, request.timeout());
  }

  private StatementResult result(WorkspaceClient w, StatementResponse r, long maxRows, long deadline, Operation op,
      Duration timeout) {
    List<StatementResult.Column> columns = new ArrayList<>();
    if (r.getManifest() != null && r.getManifest().getSchema() != null && r.getManifest().getSchema().getColumns() != null) {
      for (ColumnInfo c : r.getManifest().getSchema().getColumns()) {
        String typeName = c.getTypeName() == null ? "STRING" : c.getTypeName().name();
        columns.add(new StatementResult.Column(c.getName(), typeName, c.getTypeText() == null ? typeName : c.getTypeText()));
      }
    }
    boolean truncated = r.getManifest() != null && Boolean.TRUE.equals(r.getManifest().getTruncated());
    List<List<String>> rows = new ArrayList<>();
    ResultData chunk = r.getResult();
    while (chunk != null) {
      if (chunk.getDataArray() != null) {
        for (Collection<String> row : chunk.getDataArray()) {
          if (rows.size() >= maxRows) {
            truncated = true;
            break;
          }
          rows.add(new ArrayList<>(row));
        }
      }
      Long next = chunk.getNextChunkIndex();
      if (next == null || rows.size() >= maxRows) {
        truncated |= next != null;
        break;
      }
      if (System.nanoTime() > deadline) {
        throw timeout(op, timeout);
      }
      chunk = w.statementExecution().getStatementResultChunkN(r.getStatementId(), next);
    }
    return new StatementResult(r.getStatementId(), columns, rows, truncated);
  }

  /** {@code [TABLE_OR_VIEW_NOT_FOUND] ...} → {@code TABLE_OR_VIEW_NOT_FOUND}: the SDK's enum of codes lacks Spark's classes. */
  static String errorClass(String message) {
    if (message == null || !message.startsWith("[")) {
      return null;
    }
    int end = message.indexOf(']');
    String c = end > 1 ? message.substring(1, end) : "";
    return c.matches("[A-Z0-9_.]+") ? c : null;
  }

  private static boolean running(StatementResponse r) {
    StatementState s = r.getStatus() == null ? null : r.getStatus().getState();
    return s == StatementState.PENDING || s == StatementState.RUNNING;
  }

  private static void cancel(WorkspaceClient w, String id) {
    try {
      w.statementExecution().cancelExecution(new CancelExecutionRequest().setStatementId(id));
    } catch (RuntimeException e) {
      // best effort: the warehouse also drops statements nobody polls
    }
  }

  private static PlatformException timeout(Operation op, Duration timeout) {
    return new PlatformException(0, TIMEOUT, op.english() + " did not finish in " + timeout.toSeconds() + " s; cancelled",
        "La consulta superó el tiempo máximo de " + timeout.toSeconds() + " s y se canceló. Simplifíquela o filtre más.",
        null);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException(0, "INTERRUPTED", "interrupted while polling a statement", "Consulta interrumpida.", e);
    }
  }
}
