package io.datagent.app.roles;

import com.databricks.sdk.core.DatabricksException;
import com.databricks.sdk.service.iam.ComplexValue;
import com.databricks.sdk.service.iam.MeRequest;
import com.databricks.sdk.service.iam.User;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.datagent.app.web.Identity;
import io.datagent.platform.Platform;
import io.datagent.platform.PlatformException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Engineers on Databricks: members of a workspace group, read from the current-user API ({@code GET
 * /api/2.0/preview/scim/v2/Me}) with the user's own forwarded token, so the answer is the workspace's, not a list
 * kept in the App. Answers are cached per token for a few minutes; a failed lookup counts as "not an engineer" (and is
 * logged) and is not cached for long, so a transient error costs one refused click, not minutes.
 *
 * <p>The user's client is the platform layer's on-behalf-of-user client ({@link Platform#forUser}).
 */
public final class WorkspaceGroupEngineers implements Engineers {

  private static final Logger LOG = LoggerFactory.getLogger(WorkspaceGroupEngineers.class);

  private final Platform platform;
  private final String group;
  private final Cache<String, Boolean> members;
  private final Cache<String, Boolean> failures;

  public WorkspaceGroupEngineers(Platform platform, String group, Duration ttl) {
    this.platform = Objects.requireNonNull(platform, "platform");
    this.group = Objects.requireNonNull(group, "group").strip().toLowerCase(Locale.ROOT);
    this.members = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
    this.failures = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(15)).build();
  }

  @Override
  public boolean includes(Identity who) {
    if (who.token() == null || who.token().isBlank()) {
      return false; // without on-behalf-of-user authorization there is no token to ask with
    }
    String key = sha256(who.token());
    Boolean known = members.getIfPresent(key);
    if (known != null) {
      return known;
    }
    if (failures.getIfPresent(key) != null) {
      return false;
    }
    try {
      boolean member = isMember(lookUp(who.token()));
      members.put(key, member);
      return member;
    } catch (DatabricksException | PlatformException | IllegalArgumentException e) {
      LOG.warn("could not read the groups of {} from {}: {}", who.email(), platform.config().host(), e.getMessage());
      failures.put(key, Boolean.TRUE);
      return false;
    }
  }

  private User lookUp(String token) {
    return platform.forUser(token).currentUser().me(new MeRequest());
  }

  private boolean isMember(User user) {
    if (user == null || user.getGroups() == null) {
      return false;
    }
    for (ComplexValue g : user.getGroups()) {
      if (g != null && g.getDisplay() != null && g.getDisplay().strip().toLowerCase(Locale.ROOT).equals(group)) {
        return true;
      }
    }
    return false;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
