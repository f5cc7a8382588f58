package dev.cachegen.processor.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyTemplateTest {

  @Test
  void splitsTextAndPlaceholders() throws Exception {
    assertEquals(
        List.of(
            new KeyTemplate.Placeholder(List.of("tenant")),
            new KeyTemplate.Text(":page:"),
            new KeyTemplate.Placeholder(List.of("query", "page"))),
        KeyTemplate.parse("{tenant}:page:{query.page}"));
  }

  @Test
  void textOnlyAndEmptyTemplates() throws Exception {
    assertEquals(List.of(new KeyTemplate.Text("all")), KeyTemplate.parse("all"));
    assertEquals(List.of(), KeyTemplate.parse(""));
  }

  @Test
  void adjacentPlaceholders() throws Exception {
    assertEquals(
        List.of(
            new KeyTemplate.Placeholder(List.of("a")), new KeyTemplate.Placeholder(List.of("b"))),
        KeyTemplate.parse("{a}{b}"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{id        | 0 | '{' is never closed",
        "id}        | 2 | '}' closes no '{'",
        "x{}        | 1 | the placeholder {} names nothing",
        "{a{b}}     | 2 | '{' inside a placeholder",
        "{a..b}     | 0 | {a..b} is not a parameter name followed by accessor names, like {user.id}",
        "{ a }      | 0 | { a } is not a parameter name",
        "{user.}    | 0 | {user.} is not a parameter name",
        "{1st}      | 0 | {1st} is not a parameter name"
      })
  void reportsSyntaxErrorsWithPosition(String template, int position, String detail) {
    KeyTemplate.SyntaxException e =
        assertThrows(KeyTemplate.SyntaxException.class, () -> KeyTemplate.parse(template));
    assertEquals(position, e.position());
    assertEquals(true, e.getMessage().startsWith(detail), e.getMessage());
  }

  @Test
  void suggestsCloseNames() {
    assertEquals("userId", EditDistance.closest("userid", List.of("userId", "verbose")).get());
    assertEquals("id", EditDistance.closest("idd", List.of("id", "email")).get());
    assertEquals(true, EditDistance.closest("tenant", List.of("id", "email")).isEmpty());
  }
}
