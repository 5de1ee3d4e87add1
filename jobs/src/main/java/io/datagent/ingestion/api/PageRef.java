package io.datagent.ingestion.api;

import java.io.Serializable;

/**
 * One saved page as a Spark task reads it: where its body is and the lineage its records carry.
 *
 * @param page      page number in the run, from 1
 * @param url       the URL it was fetched from
 * @param fetchedAt ISO instant of the fetch
 * @param body      path of the saved body (readable from the executors: a Volume path on Databricks)
 * @param file      the body's name relative to the uploads Volume ({@code api/<source>/<run>/<table>/page-00001.json})
 */
record PageRef(int page, String url, String fetchedAt, String body, String file) implements Serializable {}
