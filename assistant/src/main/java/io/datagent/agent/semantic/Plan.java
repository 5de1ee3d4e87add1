package io.datagent.agent.semantic;

import io.datagent.semantic.Aggregation;
import io.datagent.semantic.Dimension;
import io.datagent.semantic.Measure;
import io.datagent.semantic.SemanticModel;
import java.util.List;

/**
 * What a question was understood to ask, over one {@link SemanticModel}: the numbers to compute, their filters,
 * grouping, ranking and extras. {@link SqlBuilder} turns it into SQL and {@link Verbalizer} into words.
 *
 * @param targets the numbers, in order (several for wide tables: "Salta y Jujuy")
 * @param filters conditions on dimension values and on numbers
 * @param times the time filter (any of them), or empty
 * @param group what to group by, or null
 * @param ranking order and limit of the groups, or null
 * @param share the part whose percentage of the whole is asked, or null
 * @param change the two times whose difference is asked, or null
 * @param arithmetic what the user asked to do with the result ("× 1000"), or null
 * @param score how much of the question the plan explains (to pick the table)
 */
record Plan(SemanticModel model, List<Target> targets, List<Filter> filters, List<TimeSpec> times, Group group,
    Ranking ranking, Share share, Change change, Arithmetic arithmetic, double score) {

  /** One number: a measure under an aggregation; {@code distinctOf} for "cuántas regiones" (COUNT DISTINCT). */
  record Target(Measure measure, Aggregation aggregation, Dimension distinctOf, Measure minus) {}

  /** A condition: dimension values (IN / NOT IN) or a number ({@code op} one of > >= < <= = between). */
  record Filter(Dimension dimension, List<String> values, boolean negated, Measure measure, String op, double number,
      Double number2) {

    static Filter values(Dimension d, List<String> values, boolean negated) {
      return new Filter(d, values, negated, null, null, 0, null);
    }

    static Filter number(Measure m, String op, double n, Double n2) {
      return new Filter(null, List.of(), false, m, op, n, n2);
    }
  }

  /** Group by a dimension (at a grain for dates: "dia", "mes", "ano"), or by the measures themselves (wide tables). */
  /**
   * Group by a dimension (at a grain for dates: "dia", "mes", "ano"), or by the measures themselves (wide tables);
   * {@code average}: one number, the average of the groups' totals ("promedio mensual").
   */
  record Group(Dimension dimension, String grain, List<Measure> measures, boolean average) {}

  /** The first {@code k} groups; {@code ties}: every group tied with the first (k = 1), not just one of them. */
  record Ranking(boolean descending, int k, boolean ties) {

    Ranking(boolean descending, int k) {
      this(descending, k, false);
    }
  }

  /**
   * The percentage of the whole that {@code part} (a filter) or {@code partMeasure} (a column) is; {@code whole} is
   * the total row the whole is read from ({@link Totals}), or null for all the filtered rows.
   */
  record Share(Filter part, Measure partMeasure, Filter whole) {

    Share(Filter part, Measure partMeasure) {
      this(part, partMeasure, null);
    }
  }

  record Change(TimeSpec from, TimeSpec to) {}

  /**
   * {@code op} is '*' or '/'; the operand is a number, or the aggregate {@code by} ("dividida por INDUSTRIAS total");
   * {@code unit} is the result's unit when the question converts it ("en GW"), else null (for {@code by}: none).
   */
  record Arithmetic(char op, double operand, String words, String unit, Target by) {
    Arithmetic(char op, double operand, String words) {
      this(op, operand, words, null, null);
    }
  }
}
