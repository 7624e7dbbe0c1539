package org.globustimer.transfer.testkit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The S3 requests every SDK client of the test JVM makes into a watched bucket, by operation name
 * ("ListObjectsV2", "HeadObject", ...; "ListObjectsV2 without delimiter" for a listing of a whole
 * tree). The SDK adds it to each client it builds, through the global interceptor list of the test
 * classpath, so the service's own clients are seen unchanged.
 */
public final class S3Requests implements ExecutionInterceptor {

  private static final Map<String, List<String>> WATCHED = new ConcurrentHashMap<>();

  /** Starts recording the requests into {@code bucket}, forgetting any recorded before. */
  public static void watch(String bucket) {
    WATCHED.put(bucket, new CopyOnWriteArrayList<>());
  }

  /** The requests into {@code bucket} since it was watched or last taken, oldest first. */
  public static List<String> take(String bucket) {
    List<String> seen = WATCHED.replace(bucket, new CopyOnWriteArrayList<>());
    if (seen == null) {
      throw new IllegalStateException("bucket " + bucket + " is not watched");
    }
    return List.copyOf(seen);
  }

  /** Stops recording the requests into {@code bucket}. */
  public static void unwatch(String bucket) {
    WATCHED.remove(bucket);
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    context
        .request()
        .getValueForField("Bucket", String.class)
        .map(WATCHED::get)
        .ifPresent(seen -> seen.add(name(context, attributes)));
  }

  /** The operation, and for a listing without a delimiter (of a whole tree) that it has none. */
  private static String name(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    if (operation.equals("ListObjectsV2")
        && context.request().getValueForField("Delimiter", String.class).isEmpty()) {
      return operation + " without delimiter";
    }
    return operation;
  }
}
