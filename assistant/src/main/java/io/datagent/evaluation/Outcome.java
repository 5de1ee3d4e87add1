package io.datagent.evaluation;

/** How one answer fared against its expected answer. */
public enum Outcome {
  /** The expected value (or label, ranking, keywords; or a decline when one is due) is stated and shown. */
  EXACT,
  /** The answer asserts a value and it is not the expected one: the outcome the product must never produce. */
  WRONG,
  /** The answer asserts nothing: an "I could not" or clarifying answer, or rows quoted without a claim. */
  DECLINED,
  /** Right in part: the expected value is in the prose but not the result table, or the other way round. */
  PARTIAL
}
