package org.globustimer.transfer;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.globustimer.core.action.ActionProvider;
import org.globustimer.core.secret.Sealer;
import org.globustimer.transfer.action.TransferProvider;
import org.globustimer.transfer.api.ActionRoutes;
import org.globustimer.transfer.api.EndpointRoutes;
import org.globustimer.transfer.copy.CopyTuning;
import org.globustimer.transfer.db.Db;
import org.globustimer.transfer.db.Migrations;
import org.globustimer.transfer.db.SecretKeys;
import org.globustimer.transfer.db.StoredObjectTimes;
import org.globustimer.transfer.endpoint.EndpointStore;
import org.globustimer.transfer.endpoint.Endpoints;
import org.globustimer.transfer.endpoint.Storages;

/**
 * The built-in transfer action provider with its endpoints. Construct it once per data source: it
 * migrates its own tables and takes up transfers a previous run left unfinished.
 */
public final class TransferModule implements AutoCloseable {

  private final Storages storages;
  private final Endpoints endpoints;
  private final TransferProvider provider;
  private final Sealer sealer;

  public TransferModule(TransferSettings settings, DataSource dataSource, Clock clock) {
    this(settings, dataSource, clock, CopyTuning.DEFAULT);
  }

  TransferModule(TransferSettings settings, DataSource dataSource, Clock clock, CopyTuning tuning) {
    Migrations.migrate(dataSource);
    Db db = new Db(dataSource);
    byte[] key = settings.secretKey() != null ? settings.secretKey() : SecretKeys.loadOrCreate(db);
    this.sealer = new Sealer(key);
    this.storages =
        new Storages(
            settings.localHome(),
            settings.allowedLocalRoots(),
            sealer,
            settings.hostCredentials(),
            new StoredObjectTimes(db));
    this.endpoints = new Endpoints(new EndpointStore(db), storages, sealer, clock);
    this.provider =
        new TransferProvider(
            db,
            endpoints,
            clock,
            settings.parallelFiles(),
            tuning,
            settings.nodeId(),
            settings.lease());
    provider.resume();
  }

  /** Seals secrets with the module's key: the configured one, else the one kept in the database. */
  public Sealer sealer() {
    return sealer;
  }

  /** For in-process calls from the timer engine. */
  public ActionProvider provider() {
    return provider;
  }

  /**
   * Mounts the Action Provider API under {@code /transfer/transfer} and the endpoints API under
   * {@code /endpoints}. Authentication is the host's job; {@code ownerOf} names the caller, or
   * answers null for an unauthenticated one.
   */
  public void mount(Javalin app, Function<Context, String> ownerOf) {
    new ActionRoutes(provider, ownerOf).mount(app);
    new EndpointRoutes(endpoints, ownerOf).mount(app);
  }

  /**
   * Gives {@code owner} the machine's local endpoint and the two tutorial endpoint ids of the
   * seed's quickstart, all reaching the local allowed roots. Safe to call again.
   */
  public void registerLocalEndpoints(String owner) {
    endpoints.registerLocal(owner);
  }

  /** Creates an endpoint for {@code owner} from the body {@code POST /endpoints} takes. */
  public com.fasterxml.jackson.databind.node.ObjectNode createEndpoint(
      String owner, com.fasterxml.jackson.databind.JsonNode body) {
    return endpoints.create(owner, body);
  }

  /**
   * The sweep that releases finished actions past their {@code release_after}, for the host to run
   * once for all nodes sharing the database; from this call on the module no longer runs it itself.
   */
  public Runnable handReleaseSweep() {
    return provider.handReleaseSweep();
  }

  @Override
  public void close() {
    close(java.time.Duration.ZERO);
  }

  /** Lets running transfers finish for up to {@code drain}, then stops and hands back the rest. */
  public void close(java.time.Duration drain) {
    provider.close(drain);
    storages.close();
  }
}
