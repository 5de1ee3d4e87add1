package io.datagent.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads bundle YAML the way the Databricks CLI does (Go yaml.v3, YAML 1.2 core schema) into a Jackson tree.
 *
 * <p>NOTE: SnakeYAML speaks YAML 1.1, where {@code yes}, {@code on} and dates are typed; the resolver below keeps
 * only the 1.2 core types (true/false, null, numbers) and the {@code <<} merge key, so that the schema sees the same
 * types the CLI would. Anchors, aliases and merge keys are expanded; duplicate keys are refused.
 */
final class BundleYaml {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BundleYaml() {}

  static JsonNode parse(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
        options, new CoreSchemaResolver());
    Object loaded = yaml.load(text);
    return loaded == null ? JSON.createObjectNode() : JSON.valueToTree(loaded);
  }

  /** YAML 1.2 core schema: what yaml.v3 resolves, nothing more. */
  private static final class CoreSchemaResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tfTF");
      addImplicitResolver(Tag.INT, Pattern.compile("^(?:[-+]?[0-9]+|0x[0-9a-fA-F]+)$"), "-+0123456789");
      addImplicitResolver(Tag.FLOAT,
          Pattern.compile("^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"),
          "-+0123456789.");
      addImplicitResolver(Tag.MERGE, Pattern.compile("^<<$"), "<");
      addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL| )$"), "~nN\0");
      addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
    }
  }
}
