import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Starts AWS's DynamoDB Local listening on 127.0.0.1 only.
 *
 * DynamoDBLocal.jar has no bind-address option: its server is a Jetty Server built with
 * `new Server(port)`, which listens on every interface. This launcher builds the server the way the
 * JAR's own main does (ServerRunner.createServerFromCommandLineArgs, same arguments), sets the host
 * of every connector to 127.0.0.1 before starting it, then checks what it really bound and exits if
 * it is anything but loopback. Run with Java's source-file mode:
 *   java -cp DynamoDBLocal.jar:DynamoDBLocal_lib/* LoopbackDynamoDbLocal.java -port N ...
 * Only reflection is used, so compiling it needs nothing but the JDK's own modules.
 */
public class LoopbackDynamoDbLocal {
  private static final String HOST = "127.0.0.1";

  public static void main(String[] args) throws Exception {
    Class<?> runner = Class.forName("software.amazon.dynamodb.services.local.main.ServerRunner");
    Object proxy = runner.getMethod("createServerFromCommandLineArgs", String[].class)
        .invoke(null, (Object) args);
    Field serverField = proxy.getClass().getDeclaredField("server");
    serverField.setAccessible(true);
    Object server = serverField.get(proxy);
    Object[] connectors = (Object[]) server.getClass().getMethod("getConnectors").invoke(server);
    if (connectors.length == 0) fail("DynamoDB Local has no connector to bind");
    for (Object connector : connectors) {
      connector.getClass().getMethod("setHost", String.class).invoke(connector, HOST);
    }
    proxy.getClass().getMethod("start").invoke(proxy);
    for (Object connector : connectors) {
      Method getHost = connector.getClass().getMethod("getHost");
      Object host = getHost.invoke(connector);
      if (!HOST.equals(host)) fail("DynamoDB Local bound " + host + ", not " + HOST);
    }
    System.out.println("DynamoDB Local listening on " + HOST + " only");
  }

  private static void fail(String message) {
    System.err.println(message);
    System.exit(2);
  }
}
