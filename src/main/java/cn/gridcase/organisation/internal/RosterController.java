package cn.gridcase.organisation.internal;

import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.zip.ZipException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Roster import and export, CSV or XLSX (administrators). */
@RestController
@RequestMapping("/api/roster")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Roster", description = "Import and export the township roster (CSV, XLSX)")
class RosterController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Roster roster;

  RosterController(Roster roster) {
    this.roster = roster;
  }

  record Imported(
      int rows, int gridsCreated, int appointments, int specialPersons, int specialPersonsLeft) {}

  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Import a roster (multipart field 'file', .csv or .xlsx): all rows checked first, nothing"
              + " imported when any fails (422 listing row, column and problem)")
  ResponseEntity<Object> importRoster(@RequestPart("file") MultipartFile file, Principal user)
      throws IOException {
    String name =
        file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase();
    boolean xlsx = name.endsWith(".xlsx");
    if (!xlsx && !name.endsWith(".csv")) {
      throw new InvalidRequest(
          "Unsupported file",
          List.of(
              new ApiError(
                  "file",
                  "roster.format",
                  "a roster is a .csv or .xlsx file, got '" + file.getOriginalFilename() + "'")));
    }
    Roster.ImportResult result;
    try {
      result = roster.importFile(file.getInputStream(), xlsx, user.getName());
    } catch (IllegalArgumentException | IllegalStateException | ZipException e) {
      // POI's "not an OOXML file" and Commons CSV's malformed input are
      // IllegalArgument/IllegalState; a longer file that is no zip at all, a ZipException
      throw new InvalidRequest(
          "Unreadable file",
          List.of(
              new ApiError(
                  "file",
                  "roster.format",
                  "the file cannot be read as " + (xlsx ? "XLSX" : "CSV"))));
    }
    if (!result.ok()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.UNPROCESSABLE_ENTITY,
              result.errors().size() + " problem(s) in the roster; nothing was imported");
      problem.setTitle("Roster refused");
      problem.setProperty("errors", result.errors());
      return ResponseEntity.unprocessableEntity()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    return ResponseEntity.ok(
        new Imported(
            result.rows(),
            result.gridsCreated(),
            result.appointments(),
            result.specialPersons(),
            result.specialPersonsLeft()));
  }

  @GetMapping("/export")
  @Operation(
      summary =
          "Export the current appointments and the special-group register in the roster format:"
              + " xlsx (two sheets) or csv (part=appointments, default, or part=special-persons)")
  ResponseEntity<byte[]> export(
      @RequestParam(defaultValue = "xlsx") String format,
      @RequestParam(defaultValue = "appointments") String part)
      throws IOException {
    boolean xlsx = !"csv".equalsIgnoreCase(format);
    boolean register = "special-persons".equalsIgnoreCase(part);
    if (!register && !"appointments".equalsIgnoreCase(part)) {
      throw new InvalidRequest(
          "Unknown part",
          List.of(new ApiError("part", "roster.part", "part is appointments or special-persons")));
    }
    byte[] body;
    String filename;
    if (xlsx) {
      body =
          RosterFiles.writeXlsx(
              List.of(
                  new RosterFiles.SheetRows(
                      Roster.SHEET, RosterFiles.withHeader(Roster.header(), roster.export())),
                  new RosterFiles.SheetRows(
                      Roster.PERSONS_SHEET,
                      RosterFiles.withHeader(Roster.registerHeader(), roster.exportRegister()))));
      filename = "roster.xlsx";
    } else if (register) {
      body = RosterFiles.writeCsv(Roster.registerHeader(), roster.exportRegister());
      filename = "special-persons.csv";
    } else {
      body = RosterFiles.writeCsv(Roster.header(), roster.export());
      filename = "roster.csv";
    }
    return ResponseEntity.ok()
        .contentType(xlsx ? XLSX : new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(body);
  }
}
