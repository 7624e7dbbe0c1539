package org.globustimer.transfer.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.globustimer.core.json.Json;
import org.globustimer.core.secret.Sealer;
import org.globustimer.transfer.TransferException;

/** The endpoints API: owner-scoped create, list, show, delete and directory listing. */
public final class Endpoints {

  /** The tutorial collections the seed's quickstart names. */
  public static final List<String> SEED_IDS =
      List.of("ddb59aef-6d04-11e5-ba46-22000b92c6ec", "ddb59af0-6d04-11e5-ba46-22000b92c6ec");

  private final EndpointStore store;
  private final Storages storages;
  private final Sealer cipher;
  private final Clock clock;

  public Endpoints(EndpointStore store, Storages storages, Sealer cipher, Clock clock) {
    this.store = store;
    this.storages = storages;
    this.cipher = cipher;
    this.clock = clock;
  }

  /** The local endpoint's id is derived from its owner, so registering it twice is harmless. */
  public static String localId(String owner) {
    return UUID.nameUUIDFromBytes(
            ("globus-timer local endpoint " + owner).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  public void registerLocal(String owner) {
    insertLocal(owner, localId(owner), "local");
    insertLocal(owner, SEED_IDS.get(0), "Tutorial Collection 1 (local)");
    insertLocal(owner, SEED_IDS.get(1), "Tutorial Collection 2 (local)");
  }

  private void insertLocal(String owner, String id, String name) {
    store.insert(
        new Endpoint(
            id,
            owner,
            name,
            Endpoint.Kind.LOCAL,
            "/",
            null,
            null,
            null,
            null,
            clock.instant(),
            null,
            null));
  }

  public Endpoint require(String owner, String id) {
    if (!isUuid(id)) {
      throw TransferException.notFound("ENDPOINT_NOT_FOUND", "not an endpoint id (a UUID): " + id);
    }
    return store
        .find(owner, id.toLowerCase(java.util.Locale.ROOT))
        .orElseThrow(
            () -> TransferException.notFound("ENDPOINT_NOT_FOUND", "no such endpoint: " + id));
  }

  public static boolean isUuid(String id) {
    try {
      return id != null && id.length() == 36 && UUID.fromString(id) != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public ObjectNode create(String owner, JsonNode body) {
    Endpoint e = new EndpointRequest(storages, cipher, clock).toEndpoint(owner, body);
    store.insert(e);
    return document(e);
  }

  public ObjectNode list(String owner) {
    ObjectNode out = Json.mapper().createObjectNode();
    ArrayNode all = out.putArray("endpoints");
    store.list(owner).forEach(e -> all.add(document(e)));
    return out;
  }

  public ObjectNode show(String owner, String id) {
    return document(require(owner, id));
  }

  public ObjectNode delete(String owner, String id) {
    Endpoint e = require(owner, id);
    store.delete(owner, e.id());
    return Json.mapper().createObjectNode().put("message", "endpoint " + e.id() + " deleted");
  }

  public ObjectNode ls(String owner, String id, String path) {
    return ls(owner, id, path, false);
  }

  /**
   * A directory's entries; {@code tree} lists everything below it, depth first, names relative to
   * the directory, up to {@value #TREE_LIMIT} entries ({@code "truncated": true} past that).
   */
  public ObjectNode ls(String owner, String id, String path, boolean tree) {
    Endpoint e = require(owner, id);
    String shown = path == null || path.isBlank() ? "/~/" : path;
    try (Storage storage = open(e)) {
      String rel = UserPaths.toRel(shown, storage.homeRel());
      storage.ensureInside(rel);
      Entry dir = storage.stat(rel, true);
      if (dir == null) {
        throw IoErrors.notFound(shown);
      }
      if (!dir.isDir()) {
        throw new TransferException("NOT_A_DIRECTORY", 400, "not a directory: " + shown);
      }
      ObjectNode out = Json.mapper().createObjectNode();
      out.put("DATA_TYPE", "file_list").put("endpoint_id", e.id()).put("path", shown);
      ArrayNode data = out.putArray("DATA");
      boolean complete = list(storage, rel, "", tree, data);
      if (tree) {
        out.put("truncated", !complete);
      }
      return out;
    }
  }

  private static final int TREE_LIMIT = 10_000;

  /** Adds the entries below {@code rel}; false when the tree limit cut the listing short. */
  private static boolean list(
      Storage storage, String rel, String shownPrefix, boolean tree, ArrayNode data) {
    for (Entry entry : storage.list(rel)) {
      if (tree && data.size() >= TREE_LIMIT) {
        return false;
      }
      data.addObject()
          .put("DATA_TYPE", "file")
          .put("name", shownPrefix + entry.name())
          .put("type", shownType(entry))
          .put("size", entry.size())
          .put("last_modified", entry.modified().toString())
          .put("permissions", String.format("%04o", entry.permissions()));
      if (tree
          && entry.isDir()
          && !list(
              storage,
              UserPaths.join(rel, entry.name()),
              shownPrefix + entry.name() + "/",
              true,
              data)) {
        return false;
      }
    }
    return true;
  }

  /** Opens the endpoint's storage; an sftp server's key is pinned at the first connection. */
  public Storage open(Endpoint e) {
    return storages.open(e, key -> store.pinHostKey(e.owner(), e.id(), key));
  }

  static ObjectNode document(Endpoint e) {
    ObjectNode d = Json.mapper().createObjectNode();
    d.put("DATA_TYPE", "endpoint").put("id", e.id()).put("display_name", e.displayName());
    d.put(
        "type",
        switch (e.kind()) {
          case SFTP -> "sftp";
          case S3 -> "s3";
          case POSIX, LOCAL -> "posix";
        });
    d.put("local", e.kind() == Endpoint.Kind.LOCAL);
    d.put("owner", e.owner()).put("root", e.root());
    d.put("host", e.host());
    if (e.port() == null) {
      d.putNull("port");
    } else {
      d.put("port", e.port());
    }
    d.put("username", e.username());
    d.put("host_key_fingerprint", e.hostKey());
    if (e.s3() != null) {
      d.setAll(e.s3().toJson());
      d.remove("username");
      d.put("access_key_id", e.username());
    }
    d.put(
        "created_at",
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            e.createdAt().atOffset(java.time.ZoneOffset.UTC)));
    return d;
  }

  /** Globus Transfer's listings know dirs, files and links; a pipe or device shows as a file. */
  private static String shownType(Entry entry) {
    return entry.isSpecial() ? "file" : entry.type().name().toLowerCase(java.util.Locale.ROOT);
  }
}
