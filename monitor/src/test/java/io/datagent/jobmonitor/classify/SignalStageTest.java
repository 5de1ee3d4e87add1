package io.datagent.jobmonitor.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The signal stage on its own: taxonomies, root cause over wrapper, and the evidence naming what decided. */
class SignalStageTest {

  private final SignalStage stage = new SignalStage(SignalCatalog.load());

  private Candidate classify(String text) {
    return stage.classify(new FailureText(Failure.ofText(text)));
  }

  @Test
  void should_decide_by_the_root_cause_when_a_wrapper_comes_first() {
    Candidate c = classify("org.apache.spark.SparkException: Job aborted due to stage failure\n"
        + "\tat org.apache.spark.scheduler.DAGScheduler.failJobAndIndependentStages(DAGScheduler.scala:1)\n"
        + "Caused by: java.io.IOException: Failed to send RPC\n"
        + "Caused by: java.net.ConnectException: Conexión rehusada: worker-7/10.0.0.7:7337");
    assertThat(c.category()).isEqualTo(Category.NETWORK);
    assertThat(c.evidence().stage()).isEqualTo(Evidence.SIGNAL);
    assertThat(c.evidence().ref()).isEqualTo("java.net.ConnectException");
    assertThat(c.evidence().detail()).contains("causa raíz");
    assertThat(c.explanation()).contains("java.net.ConnectException");
  }

  @Test
  void should_read_the_python_exception_when_the_text_is_a_traceback() {
    Candidate c = classify("Traceback (most recent call last):\n  File \"/Workspace/jobs/load.py\", line 3, in <module>\n"
        + "    import openpyxl\nModuleNotFoundError: No module named 'openpyxl'");
    assertThat(c.category()).isEqualTo(Category.CODE);
    assertThat(c.evidence().ref()).isEqualTo("ModuleNotFoundError");
  }

  @Test
  void should_classify_by_http_status_when_the_client_reports_one() {
    assertThat(classify("requests.exceptions.HTTPError: 429 Client Error: for url: https://adb-1.azuredatabricks.net/api/2.1/jobs/runs/get")
        .category()).isEqualTo(Category.NETWORK);
    assertThat(classify("HTTP/2.0 401 \n{\"error_code\": \"x\"}").category()).isEqualTo(Category.PERMISSION);
  }

  @Test
  void should_prefer_the_specific_cloud_code_over_a_generic_status() {
    Candidate c = classify("503 SERVICE UNAVAILABLE ZONE_RESOURCE_POOL_EXHAUSTED: The zone 'projects/p/zones/x' does "
        + "not have enough resources available to fulfill the request.");
    assertThat(c.category()).isEqualTo(Category.RESOURCE);
    assertThat(c.evidence().ref()).isEqualTo("ZONE_RESOURCE_POOL_EXHAUSTED");
    assertThat(c.evidence().detail()).contains("otras señales");
  }

  @Test
  void should_recognise_a_vendor_subtype_by_its_base_type_when_the_name_ends_with_it() {
    Candidate c = classify("org.apache.spark.shuffle.RapidsShuffleFetchFailedException: fetch error from peer 27");
    assertThat(c.category()).isEqualTo(Category.NETWORK);
    assertThat(c.evidence().ref()).contains("subtipo de FetchFailedException");
  }

  @Test
  void should_not_be_confident_when_only_a_wrapper_is_seen() {
    Candidate c = classify("org.apache.spark.SparkException: Job aborted.");
    assertThat(c.category()).isEqualTo(Category.UNKNOWN);
    assertThat(c.confidence()).isLessThan(0.5);
  }

  @Test
  void should_say_nothing_when_no_signal_is_present() {
    assertThat(classify("el lote de hoy llegó con retraso")).isNull();
  }
  /** Clusters API TerminationReason.code, as databricks-sdk-py lists it (compute.TerminationReasonCode), minus UNKNOWN. */
  static final String CLUSTER_TERMINATION_CODES = ""
      + "ABUSE_DETECTED ATTACH_PROJECT_FAILURE AWS_AUTHORIZATION_FAILURE AWS_INSUFFICIENT_FREE_ADDRESSES_IN_SUBNET_FAILURE "
      + "AWS_INSUFFICIENT_INSTANCE_CAPACITY_FAILURE AWS_MAX_SPOT_INSTANCE_COUNT_EXCEEDED_FAILURE AWS_REQUEST_LIMIT_EXCEEDED "
      + "AWS_UNSUPPORTED_FAILURE AZURE_BYOK_KEY_PERMISSION_FAILURE AZURE_EPHEMERAL_DISK_FAILURE AZURE_INVALID_DEPLOYMENT_TEMPLATE "
      + "AZURE_OPERATION_NOT_ALLOWED_EXCEPTION AZURE_QUOTA_EXCEEDED_EXCEPTION AZURE_RESOURCE_MANAGER_THROTTLING "
      + "AZURE_RESOURCE_PROVIDER_THROTTLING AZURE_UNEXPECTED_DEPLOYMENT_TEMPLATE_FAILURE AZURE_VM_EXTENSION_FAILURE "
      + "AZURE_VNET_CONFIGURATION_FAILURE BOOTSTRAP_TIMEOUT BOOTSTRAP_TIMEOUT_CLOUD_PROVIDER_EXCEPTION CLOUD_PROVIDER_DISK_SETUP_FAILURE "
      + "CLOUD_PROVIDER_LAUNCH_FAILURE CLOUD_PROVIDER_RESOURCE_STOCKOUT CLOUD_PROVIDER_SHUTDOWN COMMUNICATION_LOST "
      + "CONTAINER_LAUNCH_FAILURE CONTROL_PLANE_REQUEST_FAILURE DATABASE_CONNECTION_FAILURE DBFS_COMPONENT_UNHEALTHY "
      + "DOCKER_IMAGE_PULL_FAILURE DRIVER_UNREACHABLE DRIVER_UNRESPONSIVE EXECUTION_COMPONENT_UNHEALTHY GCP_QUOTA_EXCEEDED "
      + "GCP_SERVICE_ACCOUNT_DELETED GLOBAL_INIT_SCRIPT_FAILURE HIVE_METASTORE_PROVISIONING_FAILURE IMAGE_PULL_PERMISSION_DENIED "
      + "INACTIVITY INIT_SCRIPT_FAILURE INSTANCE_POOL_CLUSTER_FAILURE INSTANCE_UNREACHABLE INTERNAL_ERROR INVALID_ARGUMENT "
      + "INVALID_SPARK_IMAGE IP_EXHAUSTION_FAILURE JOB_FINISHED K8S_AUTOSCALING_FAILURE K8S_DBR_CLUSTER_LAUNCH_TIMEOUT "
      + "METASTORE_COMPONENT_UNHEALTHY NEPHOS_RESOURCE_MANAGEMENT NETWORK_CONFIGURATION_FAILURE NFS_MOUNT_FAILURE "
      + "NPIP_TUNNEL_SETUP_FAILURE NPIP_TUNNEL_TOKEN_FAILURE REQUEST_REJECTED REQUEST_THROTTLED SECRET_RESOLUTION_ERROR "
      + "SECURITY_DAEMON_REGISTRATION_EXCEPTION SELF_BOOTSTRAP_FAILURE SKIPPED_SLOW_NODES SLOW_IMAGE_DOWNLOAD SPARK_ERROR "
      + "SPARK_IMAGE_DOWNLOAD_FAILURE SPARK_STARTUP_FAILURE SPOT_INSTANCE_TERMINATION STORAGE_DOWNLOAD_FAILURE "
      + "STS_CLIENT_SETUP_FAILURE SUBNET_EXHAUSTED_FAILURE TEMPORARILY_UNAVAILABLE TRIAL_EXPIRED UNEXPECTED_LAUNCH_FAILURE "
      + "UNSUPPORTED_INSTANCE_TYPE UPDATE_INSTANCE_PROFILE_FAILURE USER_REQUEST WORKER_SETUP_FAILURE WORKSPACE_CANCELLED_ERROR "
      + "WORKSPACE_CONFIGURATION_ERROR ";

  @Test
  void should_know_every_cluster_termination_reason_when_reading_the_sdk_list() {
    SignalCatalog catalog = SignalCatalog.load();
    for (String code : CLUSTER_TERMINATION_CODES.trim().split("\\s+")) {
      assertThat(catalog.token(code)).as(code).isNotNull();
    }
  }

  /** Jobs API run TerminationCodeCode failure values: each is a termination rule or a signal. */
  static final String RUN_TERMINATION_CODES = ""
      + "CANCELED CLOUD_FAILURE CLUSTER_ERROR CLUSTER_REQUEST_LIMIT_EXCEEDED DRIVER_ERROR FEATURE_DISABLED INTERNAL_ERROR "
      + "INVALID_CLUSTER_REQUEST INVALID_RUN_CONFIGURATION LIBRARY_INSTALLATION_ERROR MAX_CONCURRENT_RUNS_EXCEEDED "
      + "MAX_JOB_QUEUE_SIZE_EXCEEDED MAX_SPARK_CONTEXTS_EXCEEDED REPOSITORY_CHECKOUT_FAILED RESOURCE_NOT_FOUND "
      + "RUN_EXECUTION_ERROR STORAGE_ACCESS_ERROR UNAUTHORIZED_ERROR USER_CANCELED WORKSPACE_RUN_LIMIT_EXCEEDED "
      + "BUDGET_POLICY_LIMIT_EXCEEDED BREAKING_CHANGE SKIPPED DISABLED ";

  @Test
  void should_know_every_failing_run_termination_code_when_reading_the_jobs_api_list() {
    SignalCatalog catalog = SignalCatalog.load();
    var rules = io.datagent.jobmonitor.Configs.shipped().termination();
    for (String code : RUN_TERMINATION_CODES.trim().split("\\s+")) {
      assertThat(rules.containsKey(code) || catalog.token(code) != null).as(code).isTrue();
    }
  }
}
