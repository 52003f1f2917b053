package cn.gridcase.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.organisation.internal.IdCardNumber;
import cn.gridcase.test.ApiClient.Reply;
import cn.gridcase.test.ApiTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rule G5 through HTTP: an administrator corrects the facts on a person's file, audited;
 * appointments use the file.
 */
class PersonFactsApiTests extends ApiTestSupport {

  private static final AtomicInteger SEQUENCE = new AtomicInteger(300);

  @Test
  @DisplayName(
      "G5 an administrator corrects a person's education with a reason: the change is audited (who,"
          + " when, old → new, why) and the next grid-worker appointment is judged by the corrected"
          + " file")
  void correctionDecidesTheNextAppointment() {
    String number = number(1990);
    long person = volunteer(number, "PRIMARY");
    String grid = newGrid();
    Reply refused = appointWorker(number, grid, "");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(codes(refused)).containsExactly("G5.S1.education");

    Reply corrected =
        api.as("admin")
            .send(
                "PATCH",
                "/api/people/" + person,
                "{\"education\": \"SENIOR_HIGH\", \"reason\": \"补交高中毕业证书\"}");
    assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
    assertThat(corrected.json().get("education").asText()).isEqualTo("SENIOR_HIGH");
    JsonNode change = corrected.json().get("factChanges").get(0);
    assertThat(corrected.json().get("factChanges")).hasSize(1);
    assertThat(change.get("fact").asText()).isEqualTo("education");
    assertThat(change.get("label").asText()).isEqualTo("文化程度");
    assertThat(change.get("oldValue").asText()).isEqualTo("PRIMARY");
    assertThat(change.get("newValue").asText()).isEqualTo("SENIOR_HIGH");
    assertThat(change.get("reason").asText()).isEqualTo("补交高中毕业证书");
    assertThat(change.get("changedBy").asText()).isEqualTo("admin");
    assertThat(change.get("changedAt").asText()).isNotBlank();

    Reply appointed = appointWorker(number, grid, "");
    assertThat(appointed.status()).as(appointed.toString()).isEqualTo(201);
    assertThat(api.as("admin").get("/api/people/" + person).json().get("factChanges"))
        .as("kept")
        .hasSize(1);
  }

  @Test
  @DisplayName(
      "G5 an exclusion put on file by an administrator refuses the next grid-worker appointment;"
          + " changing nothing records nothing")
  void exclusionOnFileRefuses() {
    String number = number(1992);
    long person = volunteer(number, "SENIOR_HIGH");
    Reply updated =
        api.as("admin")
            .send(
                "PATCH",
                "/api/people/" + person,
                "{\"detained\": true, \"dishonestPerson\": true, \"education\": \"SENIOR_HIGH\","
                    + " \"reason\": \"公安机关来函：曾被行政拘留；列入失信名单\"}");
    assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
    assertThat(updated.json().get("factChanges"))
        .extracting(
            c ->
                c.get("fact").asText()
                    + ":"
                    + c.get("oldValue").asText()
                    + "→"
                    + c.get("newValue").asText())
        .containsExactlyInAnyOrder("detained:false→true", "dishonestPerson:false→true");

    Reply refused = appointWorker(number, newGrid(), "");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(codes(refused)).containsExactlyInAnyOrder("G5.detained", "G5.dishonest");

    Reply again =
        api.as("admin")
            .send("PATCH", "/api/people/" + person, "{\"detained\": true, \"reason\": \"复核\"}");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("factChanges")).as("the same value is no change").hasSize(2);
  }

  @Test
  @DisplayName(
      "G5 facts an appointment declares otherwise than the file of a person on record are each"
          + " named (422), not silently ignored; declaring what the file says, or nothing, is fine")
  void declarationDifferingFromFileIsNamed() {
    String number = number(1993);
    long person = volunteer(number, "SENIOR_HIGH");
    String grid = newGrid();
    Reply differing =
        appointWorker(
            number,
            grid,
            ", \"education\": \"COLLEGE\", \"currentPost\": \"TOWNSHIP_CADRE\","
                + " \"criminalRecord\": false, \"underInvestigation\": true");
    assertThat(differing.status()).as(differing.toString()).isEqualTo(422);
    List<String> fields = new ArrayList<>();
    differing
        .json()
        .get("errors")
        .forEach(
            error -> {
              assertThat(error.get("code").asText()).isEqualTo("G5.factsOnFile");
              fields.add(error.get("field").asText());
            });
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "person.education", "person.currentPost", "person.underInvestigation");
    String education = differing.json().get("errors").get(0).get("message").asText();
    assertThat(education).contains("文化程度", "高中/中专", "大专", "/api/people/" + person);
    assertThat(api.as("admin").get("/api/appointments?unitCode=" + grid).json())
        .as("nothing appointed")
        .isEmpty();

    Reply asOnFile =
        appointWorker(
            number,
            grid,
            ", \"education\": \"SENIOR_HIGH\", \"currentPost\": \"NONE\","
                + " \"criminalRecord\": false");
    assertThat(asOnFile.status()).as(asOnFile.toString()).isEqualTo(201);
  }

  @Test
  @DisplayName(
      "G5 a roster row for a person on file is judged by the file: blank cells declare nothing,"
          + " a differing cell is named in its row and column, and nothing is imported")
  void rosterRowAgainstFile() {
    String number = number(1995);
    volunteer(number, "SENIOR_HIGH");
    String header = "unitCode,realName,idCardNumber,education,currentPost,exclusions,role,startsOn";
    String name = "档案" + number.substring(14);
    String differing =
        header
            + "\n"
            + String.join(
                ",",
                newGrid(),
                name,
                number,
                "PRIMARY",
                "",
                "DETAINED",
                "GRID_WORKER",
                "2026-01-01")
            + "\n";
    Reply refused =
        api.as("admin")
            .postFile(
                "/api/roster/import",
                "file",
                "roster.csv",
                differing.getBytes(StandardCharsets.UTF_8));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    // the file is judged, so the declared detention is a conflict to settle, not yet a G5 reason
    assertThat(refused.json().get("errors").findValuesAsText("code"))
        .containsExactly("G5.factsOnFile", "G5.factsOnFile");
    assertThat(refused.json().get("errors").findValuesAsText("column"))
        .containsExactlyInAnyOrder("education", "exclusions");
    assertThat(refused.json().get("errors").findValuesAsText("row")).containsOnly("2");

    String grid = newGrid();
    String blank =
        header
            + "\n"
            + String.join(",", grid, name, number, "", "", "", "GRID_WORKER", "2026-01-01")
            + "\n";
    Reply imported =
        api.as("admin")
            .postFile(
                "/api/roster/import", "file", "roster.csv", blank.getBytes(StandardCharsets.UTF_8));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(api.as("admin").get("/api/appointments?unitCode=" + grid).json()).hasSize(1);
  }

  @Test
  @DisplayName(
      "G5 a correction without a reason or a fact, or with an unknown value, is refused naming"
          + " every problem and changes nothing; only administrators may correct or read a file")
  void refusedCorrections() {
    long person = volunteer(number(1994), "JUNIOR_HIGH");
    Reply empty = api.as("admin").send("PATCH", "/api/people/" + person, "{\"reason\": \" \"}");
    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.isProblem()).isTrue();
    assertThat(codes(empty)).containsExactlyInAnyOrder("G5.facts", "G5.reason");

    Reply unknown =
        api.as("admin")
            .send(
                "PATCH",
                "/api/people/" + person,
                "{\"education\": \"DOCTOR\", \"currentPost\": \"MAYOR\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.isProblem()).isTrue();
    assertThat(codes(unknown))
        .containsExactlyInAnyOrder("G5.education", "G5.currentPost", "G5.reason");
    assertThat(unknown.json().get("errors").get(0).get("message").asText())
        .contains("文化程度", "JUNIOR_HIGH", "DOCTOR");

    assertThat(
            api.as("admin")
                .send(
                    "PATCH",
                    "/api/people/99999999",
                    "{\"education\": \"COLLEGE\"," + " \"reason\": \"更正\"}")
                .status())
        .isEqualTo(404);
    assertThat(
            api.as("worker1")
                .send(
                    "PATCH",
                    "/api/people/" + person,
                    "{\"education\": \"COLLEGE\"," + " \"reason\": \"更正\"}")
                .status())
        .isEqualTo(403);
    assertThat(api.as("worker1").get("/api/people/" + person).status()).isEqualTo(403);
    JsonNode file = api.as("admin").get("/api/people/" + person).json();
    assertThat(file.get("education").asText()).as("unchanged").isEqualTo("JUNIOR_HIGH");
    assertThat(file.get("factChanges")).isEmpty();
  }

  /**
   * A person put on file as a grid volunteer (G5 does not judge volunteers); returns the person's
   * id.
   */
  private long volunteer(String number, String education) {
    Reply reply =
        api.as("admin")
            .post(
                "/api/appointments",
                "{\"person\": {\"realName\": \"档案"
                    + number.substring(14)
                    + "\", \"idCardNumber\": \""
                    + number
                    + "\", \"education\": \""
                    + education
                    + "\"}, \"gridCode\": \""
                    + newGrid()
                    + "\", \"role\": \"GRID_VOLUNTEER\", \"startsOn\": \"2026-01-01\"}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("personId").asLong();
  }

  private Reply appointWorker(String number, String grid, String declared) {
    return api.as("admin")
        .post(
            "/api/appointments",
            "{\"person\": {\"realName\": \"档案"
                + number.substring(14)
                + "\", \"idCardNumber\": \""
                + number
                + "\""
                + declared
                + "}, \"gridCode\": \""
                + grid
                + "\","
                + " \"role\": \"GRID_WORKER\", \"startsOn\": \"2026-01-01\"}");
  }

  private String newGrid() {
    String code = "GS-V06-F" + SEQUENCE.incrementAndGet();
    Reply reply =
        api.as("admin")
            .post(
                "/api/grids",
                "{\"code\": \""
                    + code
                    + "\", \"name\": \"档案网格\", \"villageCode\": \"GS-V06\", \"type\": \"RURAL\","
                    + " \"households\": 400, \"population\": 1000}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return code;
  }

  private static String number(int birthYear) {
    return IdCardNumber.forBirthDate(
        "330781", LocalDate.of(birthYear, 4, 4), SEQUENCE.incrementAndGet());
  }

  private static List<String> codes(Reply reply) {
    List<String> codes = new ArrayList<>();
    reply.json().get("errors").forEach(error -> codes.add(error.get("code").asText()));
    return codes;
  }
}
