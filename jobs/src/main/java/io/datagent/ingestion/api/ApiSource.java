package io.datagent.ingestion.api;

import java.util.List;

/**
 * One REST API source, as declared in its YAML file (one file per source): where it lives, how to authenticate, how
 * fast and how patiently to call it, and the endpoints that become tables.
 *
 * <p>NOTE: secrets never appear here, only the names under which {@link SecretLookup} finds them.
 *
 * @param name        identifier of the source (folder name under {@code <uploads>/api/}, lineage value)
 * @param baseUrl     absolute http(s) URL the endpoint paths are appended to
 * @param auth        how requests authenticate
 * @param calls       rate limit, retries and timeouts
 * @param incremental updated-since parameter and field, or {@link Incremental#NONE}
 * @param endpoints   at least one
 */
public record ApiSource(String name, String baseUrl, Auth auth, CallPolicy calls, Incremental incremental,
    List<ApiEndpoint> endpoints) {

  public ApiSource {
    endpoints = List.copyOf(endpoints);
  }

  /** The updated-since parameter sent with the high-water mark, and the record field that carries it. */
  public record Incremental(String param, String field) {
    public static final Incremental NONE = new Incremental(null, null);

    public boolean enabled() {
      return param != null;
    }
  }

  /**
   * Rate limit and retry settings.
   *
   * @param minIntervalMillis least time between two requests (from {@code rate_limit.requests_per_second})
   * @param maxAttempts       tries per request for 429, 5xx, timeouts and unreadable bodies
   * @param baseDelayMillis   first back-off; doubled per attempt, with full jitter
   * @param maxDelayMillis    cap on one wait, {@code Retry-After} included
   * @param timeoutSeconds    per request
   */
  public record CallPolicy(long minIntervalMillis, int maxAttempts, long baseDelayMillis, long maxDelayMillis,
      int timeoutSeconds) {
    public static final CallPolicy DEFAULT = new CallPolicy(0, 5, 500, 30_000, 30);
  }
}
