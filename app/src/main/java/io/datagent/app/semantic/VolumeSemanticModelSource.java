package io.datagent.app.semantic;

import io.datagent.agent.semantic.SemanticModelSource;
import io.datagent.platform.PlatformException;
import io.datagent.platform.files.VolumeFiles;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The models the ingestion job keeps in the uploads Volume ({@code <volume>/_semantica/modelos/<table>.yaml}), read
 * on Databricks through the platform's Files API as the App's service principal.
 *
 * <p>NOTE: a missing file, a refusal or an unreachable workspace all read as "no file", so the model is derived
 * instead; the App never fails a question or the Datos page because of it.
 */
public final class VolumeSemanticModelSource implements SemanticModelSource {

  /** The folder of the models under the uploads Volume, as the ingestion job writes it. */
  public static final String MODELS = "_semantica/modelos";

  private final VolumeFiles files;
  private final String folder;

  /**
   * @param volume the uploads Volume as a path, {@code /Volumes/<catalog>/<schema>/<volume>}
   */
  public VolumeSemanticModelSource(VolumeFiles files, String volume) {
    this.files = files;
    this.folder = volume.replaceAll("/+$", "") + "/" + MODELS;
  }

  @Override
  public Optional<String> yaml(String qualifiedTable) {
    String table = qualifiedTable.substring(qualifiedTable.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (!table.matches("[a-z0-9_]+")) {
      return Optional.empty(); // serving tables are lower snake case; anything else is not one of ours
    }
    try {
      return Optional.of(new String(files.download(folder + "/" + table + ".yaml"), StandardCharsets.UTF_8));
    } catch (PlatformException | java.io.UncheckedIOException e) {
      return Optional.empty();
    }
  }
}
