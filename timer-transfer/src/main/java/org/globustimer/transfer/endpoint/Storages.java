package org.globustimer.transfer.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.globustimer.core.json.Json;
import org.globustimer.core.secret.Sealer;
import org.globustimer.transfer.TransferException;

/**
 * Opens the storage behind an endpoint: local trees directly, sftp through one SSH client, s3
 * through SDK clients kept between tasks.
 */
public final class Storages implements AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

  private final Path localHome;
  private final List<Path> allowedRoots;
  private final Sealer cipher;
  private final boolean hostCredentials;
  private final ObjectTimes objectTimes;
  private final S3ClientCache s3Clients = new S3ClientCache();
  private volatile SshClient ssh;

  public Storages(
      Path localHome,
      List<Path> allowedRoots,
      Sealer cipher,
      boolean hostCredentials,
      ObjectTimes objectTimes) {
    this.localHome = localHome;
    this.allowedRoots = allowedRoots;
    this.cipher = cipher;
    this.hostCredentials = hostCredentials;
    this.objectTimes = objectTimes;
  }

  /** Whether s3 endpoints may sign with the service host's own AWS credentials. */
  boolean hostCredentials() {
    return hostCredentials;
  }

  public List<Path> allowedRoots() {
    return allowedRoots;
  }

  /** {@code pin} receives an sftp server's key fingerprint when the endpoint had none pinned. */
  public Storage open(Endpoint e, Consumer<String> pin) {
    return switch (e.kind()) {
      case LOCAL -> new PosixStorage(Path.of("/"), localHome, allowedRoots);
      case POSIX ->
          new PosixStorage(Path.of(e.root()), Path.of(e.root()), List.of(Path.of(e.root())));
      case SFTP -> openSftp(e, pin);
      case S3 -> openS3(e);
    };
  }

  private Storage openS3(Endpoint e) {
    S3Location at = e.s3();
    if (at.credentials() == S3Location.Credentials.DEFAULT_CHAIN && !hostCredentials) {
      throw new TransferException(
          "CREDENTIAL_ERROR",
          403,
          "endpoint "
              + e.id()
              + " would sign with this service's own AWS credentials, which a shared service"
              + " does not lend; create it again with access_key_id and secret_access_key");
    }
    String secretKey = null;
    String token = null;
    if (at.credentials() == S3Location.Credentials.KEYS) {
      try {
        JsonNode secret = Json.mapper().readTree(openSecret(e));
        secretKey = secret.path("secret_access_key").asText();
        token = secret.path("session_token").asText(null);
      } catch (IOException ex) {
        throw TransferException.internal("the stored credential of an endpoint is unreadable", ex);
      }
    }
    String server =
        at.serviceUrl() == null ? "AWS S3 (" + at.region() + ")" : at.serviceUrl().toString();
    S3ClientCache.Lease client;
    try {
      client = s3Clients.take(at, e.username(), secretKey, token);
    } catch (RuntimeException ex) {
      throw new TransferException(
          "ENDPOINT_ERROR", 502, "cannot open s3 endpoint " + at.display() + ": " + reason(ex), ex);
    }
    S3Storage storage = new S3Storage(client, at, server, objectTimes);
    try {
      storage.probe();
      return storage;
    } catch (RuntimeException ex) {
      // the next task gets a client of its own, in case this one is what failed
      client.forget();
      storage.close();
      throw ex;
    }
  }

  private Storage openSftp(Endpoint e, Consumer<String> pin) {
    String where = e.username() + "@" + e.host() + ":" + e.port();
    HostKeyCheck check = new HostKeyCheck(e.hostKey());
    ClientSession session = null;
    try {
      session =
          client()
              .connect(
                  e.username(),
                  e.host(),
                  e.port(),
                  AttributeRepository.ofKeyValuePair(HostKeyCheck.KEY, check),
                  null)
              .verify(CONNECT_TIMEOUT)
              .getSession();
      JsonNode secret = Json.mapper().readTree(openSecret(e));
      if (secret.hasNonNull("password")) {
        session.addPasswordIdentity(secret.get("password").asText());
      }
      if (secret.hasNonNull("private_key")) {
        for (KeyPair kp : parseKeys(secret.get("private_key").asText())) {
          session.addPublicKeyIdentity(kp);
        }
      }
      session.auth().verify(CONNECT_TIMEOUT);
      if (check.pinned() == null && check.presented() != null) {
        pin.accept(check.presented());
      }
      SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
      return new SftpStorage(session, sftp, e.root());
    } catch (IOException | RuntimeException ex) {
      if (session != null) {
        session.close(true);
      }
      if (ex instanceof TransferException te) {
        throw te;
      }
      if (check.refused()) {
        throw new TransferException(
            "HOST_KEY_CHANGED",
            502,
            "the host key of sftp endpoint "
                + where
                + " changed: pinned "
                + check.pinned()
                + ", presented "
                + check.presented()
                + "; if the server's key really changed, create the endpoint again",
            ex);
      }
      throw new TransferException(
          "ENDPOINT_ERROR", 502, "cannot open sftp endpoint " + where + ": " + reason(ex), ex);
    }
  }

  private static String reason(Exception ex) {
    Throwable t = ex;
    while (t.getCause() != null && t.getMessage() == null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** Parses PEM private key text; refuses text that holds no usable key. */
  public static Iterable<KeyPair> parseKeys(String pem) {
    try {
      Iterable<KeyPair> keys =
          SecurityUtils.loadKeyPairIdentities(
              null,
              NamedResource.ofName("endpoint private_key"),
              new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)),
              null);
      if (keys == null || !keys.iterator().hasNext()) {
        throw TransferException.validation("private_key", "no private key found in the PEM text");
      }
      return keys;
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      if (e instanceof TransferException te) {
        throw te;
      }
      throw TransferException.validation("private_key", "not a readable PEM private key");
    }
  }

  private SshClient client() {
    SshClient c = ssh;
    if (c == null) {
      synchronized (this) {
        if (ssh == null) {
          c = SshClient.setUpDefaultClient();
          // Trust on first use, pinned per endpoint; see
          // docs/decisions/transfer-endpoints-and-credentials.md.
          c.setServerKeyVerifier(
              (session, remote, key) -> {
                AttributeRepository context = session.getConnectionContext();
                HostKeyCheck check =
                    context == null ? null : context.getAttribute(HostKeyCheck.KEY);
                return check != null && check.accept(key);
              });
          c.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
          c.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
          c.start();
          ssh = c;
        }
        c = ssh;
      }
    }
    return c;
  }

  @Override
  public void close() {
    s3Clients.close();
    SshClient c = ssh;
    if (c != null) {
      c.stop();
    }
  }

  private String openSecret(Endpoint e) {
    try {
      return cipher.open(e.secret());
    } catch (Sealer.UnopenableSecret unopenable) {
      throw new TransferException(
          "CREDENTIAL_ERROR",
          500,
          "the stored credential of endpoint "
              + e.id()
              + " cannot be decrypted: the service's secret key changed; set the endpoint's"
              + " credential again",
          unopenable);
    }
  }
}
