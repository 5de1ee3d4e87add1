package io.datagent.local.agent;

import io.datagent.retrieval.Hit;
import io.datagent.retrieval.Retriever;
import io.datagent.retrieval.SearchRequest;
import java.util.List;

/**
 * The retriever of a workspace with no search index yet ({@code ./agent embed} not run): finds nothing, so answers
 * rest on the table catalog and the question's words in the data (the extractive agent's keyword rows).
 */
public final class NoIndexRetriever implements Retriever {

  @Override
  public List<Hit> search(SearchRequest request) {
    return List.of();
  }
}
