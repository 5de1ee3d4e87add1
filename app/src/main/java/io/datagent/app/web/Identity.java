package io.datagent.app.web;

import io.javalin.http.Context;

/**
 * Who is asking: on Databricks the user the Apps proxy authenticated ({@code X-Forwarded-Email}, and
 * {@code X-Forwarded-Access-Token} when on-behalf-of-user authorization is on); locally the configured demo user.
 *
 * @param token the user's forwarded token, or null
 */
public record Identity(String email, String name, String token) {

  static final String ATTRIBUTE = "datagent.identity";

  /** The identity {@link IdentityPlugin} put on this request. */
  public static Identity of(Context ctx) {
    Identity id = ctx.attribute(ATTRIBUTE);
    if (id == null) {
      throw new IllegalStateException("IdentityPlugin is not installed");
    }
    return id;
  }
}
