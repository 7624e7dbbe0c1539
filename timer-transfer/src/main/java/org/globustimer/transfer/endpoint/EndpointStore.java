package org.globustimer.transfer.endpoint;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.globustimer.core.json.Json;
import org.globustimer.transfer.db.Db;

/** Endpoint rows, always read through their owner. */
public final class EndpointStore {

  private static final String COLUMNS =
      "id, owner, display_name, type, root, host, port, username, secret, created_at, host_key,"
          + " settings";

  private final Db db;

  public EndpointStore(Db db) {
    this.db = db;
  }

  /** Inserts; answers false when the owner already has an endpoint with this id. */
  public boolean insert(Endpoint e) {
    return db.insertIfAbsent(
        "insert into transfer_endpoints (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?)",
        e.id(),
        e.owner(),
        e.displayName(),
        e.kind().name(),
        e.root(),
        e.host(),
        e.port(),
        e.username(),
        e.secret(),
        e.createdAt(),
        e.hostKey(),
        e.s3() == null ? null : e.s3().toJson().toString());
  }

  public Optional<Endpoint> find(String owner, String id) {
    return db.one(
        "select " + COLUMNS + " from transfer_endpoints where owner = ? and id = ?",
        EndpointStore::map,
        owner,
        id);
  }

  public List<Endpoint> list(String owner) {
    return db.list(
        "select " + COLUMNS + " from transfer_endpoints where owner = ? order by created_at, id",
        EndpointStore::map,
        owner);
  }

  /** Pins an sftp server's key fingerprint unless one is pinned already. */
  public void pinHostKey(String owner, String id, String fingerprint) {
    db.update(
        "update transfer_endpoints set host_key = ? where owner = ? and id = ? and host_key is null",
        fingerprint,
        owner,
        id);
  }

  public boolean delete(String owner, String id) {
    return db.update("delete from transfer_endpoints where owner = ? and id = ?", owner, id) > 0;
  }

  private static Endpoint map(ResultSet rs) throws SQLException {
    Number port = (Number) rs.getObject("port");
    return new Endpoint(
        rs.getString("id"),
        rs.getString("owner"),
        rs.getString("display_name"),
        Endpoint.Kind.valueOf(rs.getString("type")),
        rs.getString("root"),
        rs.getString("host"),
        port == null ? null : port.intValue(),
        rs.getString("username"),
        rs.getString("secret"),
        Db.instant(rs, "created_at"),
        rs.getString("host_key"),
        settings(rs.getString("settings")));
  }

  private static S3Location settings(String json) throws SQLException {
    if (json == null) {
      return null;
    }
    try {
      return S3Location.fromJson(Json.mapper().readTree(json));
    } catch (java.io.IOException e) {
      throw new SQLException("unreadable endpoint settings: " + e.getMessage(), e);
    }
  }
}
