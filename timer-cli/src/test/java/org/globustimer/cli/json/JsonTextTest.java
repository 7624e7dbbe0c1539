package org.globustimer.cli.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.globustimer.core.json.Json;
import org.junit.jupiter.api.Test;

class JsonTextTest {

  private static final List<String> DOCUMENTS =
      List.of(
          "{\"data\":[{\"job_id\":\"8d1b\",\"interval\":86400,\"n\":null,\"active\":true}]}",
          "[1, -2, 2147483648, 92233720368547758070, 0.5, -3e-2, false, \"\\u00e9\\n\"]",
          "{\"nested\":{\"deeper\":{\"list\":[[],{}]}},\"empty\":\"\"}",
          "\"just text\"",
          "42");

  @Test
  void readsTheSameTreesAsTheSharedMapper() throws Exception {
    for (String document : DOCUMENTS) {
      JsonNode ours = JsonText.read(document);
      JsonNode mapper = Json.mapper().readTree(document);
      assertThat(JsonText.write(ours)).as(document).isEqualTo(JsonText.write(mapper));
      assertThat(ours.getNodeType()).isEqualTo(mapper.getNodeType());
    }
  }

  /** Unlike the shared mapper, which writes 1.50 back as 1.5: output shows what was sent. */
  @Test
  void integersKeepTheirSizeAndFractionsTheirDigits() throws Exception {
    JsonNode numbers = JsonText.read("[1, 2147483648, 92233720368547758070, 1.50]");
    assertThat(numbers.get(0).isInt()).isTrue();
    assertThat(numbers.get(1).isLong()).isTrue();
    assertThat(numbers.get(2).isBigInteger()).isTrue();
    assertThat(numbers.get(3).isBigDecimal()).isTrue();
    assertThat(JsonText.write(numbers)).isEqualTo("[1,2147483648,92233720368547758070,1.50]");
  }

  @Test
  void writesWhatTheSharedMapperWrites() throws Exception {
    for (String document : DOCUMENTS) {
      JsonNode tree = Json.mapper().readTree(document);
      assertThat(JsonText.write(tree)).isEqualTo(Json.mapper().writeValueAsString(tree));
      assertThat(JsonText.pretty(tree))
          .isEqualTo(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree));
    }
  }

  @Test
  void emptyTextIsAMissingNode() throws Exception {
    assertThat(JsonText.read("").isMissingNode()).isTrue();
    assertThat(JsonText.read("  \n").isMissingNode()).isTrue();
  }

  @Test
  void brokenTextIsAJsonErrorNotACrash() {
    for (String broken : List.of("{", "{\"a\":}", "[1,", "<html>", "{\"a\" 1}", "nul")) {
      assertThatThrownBy(() -> JsonText.read(broken))
          .as(broken)
          .isInstanceOf(JsonProcessingException.class);
    }
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    assertThatThrownBy(() -> JsonText.read(deep)).isInstanceOf(JsonProcessingException.class);
  }
}
