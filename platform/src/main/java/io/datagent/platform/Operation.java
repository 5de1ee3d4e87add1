package io.datagent.platform;

/**
 * What a Databricks call does, said twice: in English for logs ("list job runs") and in Spanish for users, as the
 * object of a verb ("listar las ejecuciones de los jobs").
 */
public record Operation(String english, String spanish) {

  public static Operation of(String english, String spanish) {
    return new Operation(english, spanish);
  }
}
