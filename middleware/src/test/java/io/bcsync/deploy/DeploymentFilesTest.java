package io.bcsync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/**
 * The Dockerfile, docker-compose.yml and deploy/kubernetes cannot be built or started here (no
 * container daemon, registry or cluster), so this checks what can be checked offline: they parse,
 * and the ports, probes, secrets and configuration keys they name are the ones the service really
 * uses ({@link ServiceProperties}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeploymentFilesTest {
  private static final Path ROOT = Path.of("..");
  private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
  private static final Set<String> SECRET_WORDS =
      Set.of("password", "secret", "admin-token", "access-token", "encryption-key");

  private ServiceProperties service;
  private int serverPort;
  private final Map<String, Map<String, Object>> manifests = new HashMap<>();

  @BeforeAll
  void load() throws IOException {
    service = new ServiceProperties(ROOT.resolve("middleware/src/main/java"));
    Map<String, Object> applicationYml =
        ServiceProperties.load(ROOT.resolve("middleware/src/main/resources/application.yml"));
    serverPort = (Integer) at(applicationYml, "micronaut", "server", "port");
    try (Stream<Path> files = Files.list(KUBERNETES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        for (Object document : new Yaml().loadAll(Files.readString(file))) {
          Map<String, Object> manifest = map(document);
          manifests.put((String) manifest.get("kind"), manifest);
        }
      }
    }
  }

  @Test
  void the_property_list_is_the_real_one() {
    // Guards the checks below against an empty or wrong list.
    assertThat(service.keys())
        .contains(
            "bcsync.admin-token",
            "bcsync.sync.guest-keys.secret",
            "bcsync.bigcommerce.app.token-encryption-key",
            "bcsync.shutdown.drain-delay",
            "datasources.default.url",
            "micronaut.server.port");
    assertThat(service.reads("bcsync.bigcommerce.stores.abc123.webhook-secret")).isTrue();
    assertThat(service.reads("bcsync.no-such-key")).isFalse();
    assertThat(service.readsEnvironmentVariable("BCSYNC_SYNC_GUEST_KEYS_SECRET")).isTrue();
    assertThat(service.readsEnvironmentVariable("BCSYNC_ADMIN_TOKN")).isFalse();
  }

  @Test
  void the_dockerfile_runs_the_jar_as_a_non_root_user_on_the_service_port() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

    assertThat(instruction(dockerfile, "FROM")).startsWith("eclipse-temurin:17-jre");
    assertThat(instruction(dockerfile, "EXPOSE")).isEqualTo(String.valueOf(serverPort));
    assertThat(instruction(dockerfile, "USER")).doesNotStartWith("root").doesNotStartWith("0");
    assertThat(instruction(dockerfile, "HEALTHCHECK"))
        .contains("/health")
        .contains(String.valueOf(serverPort));
    assertThat(dockerfile)
        .contains("COPY --chown=bcsync:bcsync scripts/lib/jvm-options /app/jvm-options");
    assertThat(instruction(dockerfile, "ENTRYPOINT"))
        .isEqualTo("[\"java\", \"@/app/jvm-options\", \"-jar\", \"/app/bcsync.jar\"]");
    for (String line : Files.readAllLines(ROOT.resolve("scripts/lib/jvm-options"))) {
      String option = line.strip();
      if (!option.isEmpty() && !option.startsWith("#")) {
        assertThat(option).as("a java @argfile holds options").startsWith("-");
      }
    }
  }

  @Test
  void the_image_sets_the_environment_the_scripts_run_the_middleware_with() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    Pattern export = Pattern.compile("export (\\w+)=\\$\\{\\1:-([^}]*)\\}");
    int variables = 0;
    for (String line : Files.readAllLines(ROOT.resolve("scripts/lib/jvm-environment"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher matcher = export.matcher(line.strip());
      assertThat(matcher.matches()).as("export NAME=${NAME:-value}: %s", line).isTrue();
      assertThat(dockerfile).contains("ENV " + matcher.group(1) + "=" + matcher.group(2) + "\n");
      variables++;
    }
    assertThat(variables).isPositive();
    for (String script : List.of("scripts/run", "scripts/bench-sync", "scripts/bench-ingest")) {
      assertThat(Files.readString(ROOT.resolve(script)))
          .as(script)
          .contains(". scripts/lib/jvm-environment");
    }
  }

  @Test
  void compose_runs_two_instances_on_mysql_8_with_keys_the_service_reads() throws IOException {
    Map<String, Object> compose = ServiceProperties.load(ROOT.resolve("docker-compose.yml"));
    Map<String, Object> services = map(compose.get("services"));
    Map<String, Object> mysql = map(services.get("mysql"));
    assertThat((String) mysql.get("image")).startsWith("mysql:8");
    Map<String, Object> mysqlEnv = map(mysql.get("environment"));

    List<String> instances = new ArrayList<>();
    services.forEach(
        (name, value) -> {
          Map<String, Object> definition = map(value);
          Map<String, Object> environment = map(definition.getOrDefault("environment", Map.of()));
          if (!environment.containsKey("BCSYNC_ADMIN_TOKEN")) {
            return;
          }
          instances.add(name);
          environment
              .keySet()
              .forEach(
                  variable ->
                      assertThat(service.readsEnvironmentVariable(variable))
                          .as("%s of %s is a property the service reads", variable, name)
                          .isTrue());
          assertThat(environment.get("DATASOURCES_DEFAULT_URL"))
              .isEqualTo("jdbc:mysql://mysql:3306/" + mysqlEnv.get("MYSQL_DATABASE"));
          assertThat(environment.get("DATASOURCES_DEFAULT_USERNAME"))
              .isEqualTo(mysqlEnv.get("MYSQL_USER"));
          assertThat(environment.get("DATASOURCES_DEFAULT_PASSWORD"))
              .isEqualTo(mysqlEnv.get("MYSQL_PASSWORD"));
          assertThat((List<?>) definition.get("ports"))
              .allMatch(port -> port.toString().endsWith(":" + serverPort));
          assertThat(seconds(definition.get("stop_grace_period").toString()))
              .isGreaterThan(seconds("20s"));
        });
    assertThat(instances).hasSize(2);
  }

  @Test
  void the_deployment_probes_health_on_the_service_port_with_two_replicas() {
    Map<String, Object> deployment = manifests.get("Deployment");
    assertThat(at(deployment, "spec", "replicas")).isEqualTo(2);
    Map<String, Object> container = container();
    Map<String, Object> port = map(((List<?>) container.get("ports")).get(0));
    assertThat(port.get("containerPort")).isEqualTo(serverPort);
    for (String probe : List.of("readinessProbe", "livenessProbe")) {
      Map<String, Object> get = map(at(container, probe, "httpGet"));
      assertThat(get.get("path")).as(probe).isEqualTo("/health");
      assertThat(get.get("port")).as(probe).isEqualTo(port.get("name"));
    }
    assertThat(at(manifests.get("Service"), "spec", "ports"))
        .asList()
        .allMatch(p -> port.get("name").equals(map(p).get("targetPort")));
    Object podLabels = at(deployment, "spec", "template", "metadata", "labels");
    assertThat(at(manifests.get("Service"), "spec", "selector")).isEqualTo(podLabels);
    assertThat(at(manifests.get("PodDisruptionBudget"), "spec", "selector", "matchLabels"))
        .isEqualTo(podLabels);
    assertThat((Integer) at(manifests.get("PodDisruptionBudget"), "spec", "minAvailable"))
        .isBetween(1, 1);
  }

  @Test
  void every_secret_key_is_used_and_every_variable_is_a_property_the_service_reads() {
    Map<String, Object> secret = manifests.get("Secret");
    String secretName = (String) at(secret, "metadata", "name");
    Set<String> secretKeys = map(secret.get("stringData")).keySet();
    Set<String> used = new TreeSet<>();
    Set<String> variables = new TreeSet<>();
    for (Object entry : (List<?>) container().get("env")) {
      Map<String, Object> variable = map(entry);
      String name = (String) variable.get("name");
      variables.add(name);
      if (!"MICRONAUT_CONFIG_FILES".equals(name)) {
        assertThat(service.readsEnvironmentVariable(name)).as(name).isTrue();
      }
      Object reference = at(variable, "valueFrom", "secretKeyRef");
      if (reference != null) {
        assertThat(map(reference).get("name")).isEqualTo(secretName);
        used.add((String) map(reference).get("key"));
      }
    }
    Map<String, Object> secretVolume = volume("secret");
    assertThat(secretVolume.get("secretName")).isEqualTo(secretName);
    ((List<?>) secretVolume.get("items")).forEach(item -> used.add((String) map(item).get("key")));
    assertThat(used).isEqualTo(secretKeys);
    // Production refuses to start without these two (BcsyncConfig, GuestKeys).
    assertThat(variables).contains("BCSYNC_ADMIN_TOKEN", "BCSYNC_SYNC_GUEST_KEYS_SECRET");
  }

  @Test
  void the_config_map_is_the_file_the_service_reads_and_holds_no_secret() {
    Map<String, Object> configMap = manifests.get("ConfigMap");
    assertThat(volume("configMap").get("name")).isEqualTo(at(configMap, "metadata", "name"));
    Map<String, Object> data = map(configMap.get("data"));
    assertThat(data).containsOnlyKeys("bcsync.yml");
    String configFile = environment().get("MICRONAUT_CONFIG_FILES");
    Map<String, Object> mount = mount("config");
    assertThat(mount.get("mountPath")).isEqualTo(configFile);
    assertThat(configFile).endsWith("/" + mount.get("subPath"));

    Map<String, Object> settings = new Yaml().load((String) data.get("bcsync.yml"));
    Set<String> keys = new TreeSet<>();
    ServiceProperties.flatten("", settings, keys);
    assertThat(keys).allMatch(service::reads, "a property the service reads");
    assertThat(keys)
        .noneMatch(key -> SECRET_WORDS.stream().anyMatch(key::endsWith), "a secret (Secret only)");

    String keyFile = (String) at(settings, "bcsync", "salesforce", "private-key-file");
    Map<String, Object> item = map(((List<?>) volume("secret").get("items")).get(0));
    assertThat(keyFile).isEqualTo(mount("secret-files").get("mountPath") + "/" + item.get("path"));

    long shutdown =
        seconds((String) at(settings, "bcsync", "shutdown", "drain-delay"))
            + seconds((String) at(settings, "bcsync", "shutdown", "worker-grace"));
    Object grace =
        at(
            manifests.get("Deployment"),
            "spec",
            "template",
            "spec",
            "terminationGracePeriodSeconds");
    assertThat(((Integer) grace).longValue()).isGreaterThan(shutdown);
  }

  private Map<String, Object> container() {
    Object containers = at(manifests.get("Deployment"), "spec", "template", "spec", "containers");
    return map(((List<?>) containers).get(0));
  }

  private Map<String, String> environment() {
    Map<String, String> values = new HashMap<>();
    for (Object entry : (List<?>) container().get("env")) {
      Map<String, Object> variable = map(entry);
      if (variable.get("value") != null) {
        values.put((String) variable.get("name"), variable.get("value").toString());
      }
    }
    return values;
  }

  private Map<String, Object> volume(String kind) {
    Object volumes = at(manifests.get("Deployment"), "spec", "template", "spec", "volumes");
    return ((List<?>) volumes)
        .stream()
            .map(DeploymentFilesTest::map)
            .filter(volume -> volume.containsKey(kind))
            .map(volume -> map(volume.get(kind)))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + kind + " volume"));
  }

  private Map<String, Object> mount(String volumeName) {
    return ((List<?>) container().get("volumeMounts"))
        .stream()
            .map(DeploymentFilesTest::map)
            .filter(mount -> volumeName.equals(mount.get("name")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no mount of " + volumeName));
  }

  /** The arguments of a Dockerfile instruction, continuation lines joined. */
  private static String instruction(String dockerfile, String name) {
    String joined = dockerfile.replaceAll("\\\\\\n\\s*", " ");
    Matcher matcher = Pattern.compile("(?m)^" + name + "\\s+(.+)$").matcher(joined);
    assertThat(matcher.find()).as("Dockerfile has %s", name).isTrue();
    return matcher.group(1).strip();
  }

  private static long seconds(String duration) {
    Matcher matcher = Pattern.compile("(\\d+)(s|m)").matcher(duration);
    assertThat(matcher.matches()).as("a duration in s or m: %s", duration).isTrue();
    long value = Long.parseLong(matcher.group(1));
    return "m".equals(matcher.group(2)) ? value * 60 : value;
  }

  private static Object at(Object node, String... path) {
    Object current = node;
    for (String step : path) {
      if (current == null) {
        return null;
      }
      current = map(current).get(step);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    assertThat(node).isInstanceOf(Map.class);
    return (Map<String, Object>) node;
  }
}
