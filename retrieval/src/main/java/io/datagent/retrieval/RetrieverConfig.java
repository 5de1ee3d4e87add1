package io.datagent.retrieval;

import io.datagent.retrieval.lucene.LuceneRetriever;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How a {@link RefreshingRetriever} searches and refreshes.
 *
 * @param mode            which rankings to combine
 * @param tuning          candidate depth and fusion weights, read at each search (a promoted tuning applies without
 *                        reopening the index)
 * @param refreshInterval how often to check the embeddings table for a new version; zero: never (call
 *                        {@link RefreshingRetriever#refresh()} yourself)
 * @param workDir         parent folder of the index folders (one per loaded version)
 */
public record RetrieverConfig(SearchMode mode, Supplier<LuceneRetriever.Tuning> tuning, Duration refreshInterval, Path workDir) {

  public RetrieverConfig {
    if (mode == null || tuning == null || refreshInterval == null || workDir == null) {
      throw new IllegalArgumentException("RetrieverConfig: mode, tuning, refreshInterval and workDir are required");
    }
    if (refreshInterval.isNegative()) {
      throw new IllegalArgumentException("RetrieverConfig: refreshInterval must not be negative");
    }
  }

  /** Hybrid search, refreshed every 10 seconds, indexes under the system temporary folder. */
  public static RetrieverConfig defaults() {
    return new RetrieverConfig(SearchMode.HYBRID, () -> LuceneRetriever.Tuning.DEFAULT, Duration.ofSeconds(10),
        Path.of(System.getProperty("java.io.tmpdir"), "datagent-index"));
  }

  public RetrieverConfig withMode(SearchMode m) {
    return new RetrieverConfig(m, tuning, refreshInterval, workDir);
  }

  public RetrieverConfig withRefreshInterval(Duration d) {
    return new RetrieverConfig(mode, tuning, d, workDir);
  }

  public RetrieverConfig withWorkDir(Path dir) {
    return new RetrieverConfig(mode, tuning, refreshInterval, dir);
  }

  public RetrieverConfig withTuning(LuceneRetriever.Tuning t) {
    if (t == null) {
      throw new IllegalArgumentException("RetrieverConfig: tuning is required");
    }
    return withTuning(() -> t);
  }

  /** A tuning read at each search, e.g. the newest one the optimisation promoted. */
  public RetrieverConfig withTuning(Supplier<LuceneRetriever.Tuning> t) {
    return new RetrieverConfig(mode, t, refreshInterval, workDir);
  }
}
