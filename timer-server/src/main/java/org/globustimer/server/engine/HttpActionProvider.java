package org.globustimer.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.globustimer.core.action.ActionProvider;
import org.globustimer.core.action.ActionReply;
import org.globustimer.server.credentials.Bearer;
import org.globustimer.server.credentials.ProviderCredentials;
import org.globustimer.server.store.StoreException;

/**
 * A remote action provider reached over HTTP at {@code base} (a run URL without its last {@code
 * /run}), with the owner's token for it when one is configured. Redirects are never followed, so a
 * provider cannot send the engine (or the token) elsewhere. A transport failure surfaces as {@link
 * ActionCallFailed}.
 */
final class HttpActionProvider implements ActionProvider {

  private record Call(String method, String path, String body) {}

  private final ProviderHttp http;
  private final Semaphore permits;
  private final String base;
  private final String actionUrl;
  private final ProviderCredentials credentials;

  HttpActionProvider(
      ProviderHttp http,
      Semaphore permits,
      String base,
      String actionUrl,
      ProviderCredentials credentials) {
    this.http = http;
    this.permits = permits;
    this.base = base;
    this.actionUrl = actionUrl;
    this.credentials = credentials;
  }

  @Override
  public ActionReply run(String owner, JsonNode runRequest) {
    return send(owner, new Call("POST", "/run", runRequest.toString()));
  }

  @Override
  public ActionReply status(String owner, String actionId) {
    return send(owner, new Call("GET", "/" + actionId + "/status", null));
  }

  @Override
  public ActionReply cancel(String owner, String actionId) {
    return send(owner, new Call("POST", "/" + actionId + "/cancel", null));
  }

  @Override
  public ActionReply release(String owner, String actionId) {
    return send(owner, new Call("POST", "/" + actionId + "/release", null));
  }

  private ActionReply send(String owner, Call call) {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActionCallFailed(base + ": interrupted", e);
    }
    try {
      return withCredential(owner, call);
    } finally {
      permits.release();
    }
  }

  /**
   * Sends the owner's token for this provider, if it has one. A token the provider refuses is
   * forgotten and, once, replaced by a renewed one: it may have been revoked or rotated meanwhile.
   */
  private ActionReply withCredential(String owner, Call call) {
    Bearer bearer = bearer(owner);
    for (int attempt = 0; ; attempt++) {
      switch (bearer) {
        case Bearer.None none -> {
          return exchange(call, null);
        }
        case Bearer.Unavailable unavailable ->
            throw new CredentialsUnavailable(unavailable.detail());
        case Bearer.Unreachable unreachable ->
            throw new ActionCallFailed(
                base + ": no token for the provider: " + unreachable.reason(), null);
        case Bearer.Token token -> {
          ActionReply reply = exchange(call, token.value());
          if ((reply.httpStatus() != 401 && reply.httpStatus() != 403) || attempt > 0) {
            return reply;
          }
          try {
            credentials.refused(owner, actionUrl, token.value());
          } catch (StoreException e) {
            throw new ActionCallFailed(base + ": the stored credential cannot be updated", e);
          }
          Bearer renewed = bearer(owner);
          if (renewed instanceof Bearer.Token again && again.value().equals(token.value())) {
            return reply;
          }
          bearer = renewed;
        }
      }
    }
  }

  private Bearer bearer(String owner) {
    if (credentials == null) {
      return new Bearer.None();
    }
    try {
      return credentials.bearerFor(owner, actionUrl);
    } catch (StoreException e) {
      // The database is out of reach: like a network failure, worth trying again.
      throw new ActionCallFailed(base + ": the stored credential cannot be read just now", e);
    }
  }

  private ActionReply exchange(Call call, String bearer) {
    try {
      return ProviderReplies.read(
          http.exchange(call.method(), base + call.path(), call.body(), bearer));
    } catch (IOException e) {
      throw new ActionCallFailed(base + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ActionCallFailed(base + ": interrupted", e);
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
