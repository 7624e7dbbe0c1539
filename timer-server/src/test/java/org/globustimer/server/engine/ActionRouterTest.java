package org.globustimer.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.globustimer.core.action.ActionProvider;
import org.globustimer.core.action.ActionReply;
import org.junit.jupiter.api.Test;

class ActionRouterTest {

  private static final ActionProvider BUILT_IN =
      new ActionProvider() {
        @Override
        public ActionReply run(String owner, JsonNode runRequest) {
          return null;
        }

        @Override
        public ActionReply status(String owner, String actionId) {
          return null;
        }

        @Override
        public ActionReply cancel(String owner, String actionId) {
          return null;
        }

        @Override
        public ActionReply release(String owner, String actionId) {
          return null;
        }
      };

  private final ActionRouter router =
      new ActionRouter(
          BUILT_IN,
          List.of(
              "http://127.0.0.1:8723/transfer/transfer/run",
              "https://actions.automate.globus.org/transfer/transfer/run"),
          List.of("https://allowed.example.org/"),
          null);

  @Test
  void theBuiltInProviderServesItsOwnUrlsOnAnyLoopbackPortAndTheAliases() {
    assertThat(router.providerFor("http://127.0.0.1:8723/transfer/transfer/run"))
        .isSameAs(BUILT_IN);
    assertThat(router.providerFor("http://localhost:9100/transfer/transfer/run"))
        .isSameAs(BUILT_IN);
    assertThat(router.providerFor("https://actions.automate.globus.org/transfer/transfer/run"))
        .isSameAs(BUILT_IN);
  }

  @Test
  void otherUrlsGoOverHttpOnlyWhenAllowed() {
    assertThat(router.providerFor("https://allowed.example.org/run"))
        .isInstanceOf(HttpActionProvider.class);
    assertThat(router.providerFor("http://127.0.0.1:9100/other/run"))
        .isInstanceOf(RefusedUrl.class);
    assertThat(router.providerFor("https://elsewhere.example.org/transfer/transfer/run"))
        .isInstanceOf(RefusedUrl.class);
  }

  @Test
  void theActionBaseIsTheRunUrlWithoutItsLastSegment() {
    assertThat(ActionRouter.baseOf("https://p.example.org/a/run"))
        .isEqualTo("https://p.example.org/a");
    assertThat(ActionRouter.baseOf("https://p.example.org/a/actions/"))
        .isEqualTo("https://p.example.org/a");
  }
}
