package cn.gridcase.organisation.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads and writes roster spreadsheets as rows of cells: CSV (Commons CSV) and XLSX (Apache POI).
 */
public final class RosterFiles {

  private RosterFiles() {}

  /** One sheet of a workbook (a CSV file is one sheet without a name). */
  public record SheetRows(String name, List<List<String>> rows) {}

  /** All rows of the first sheet (or the CSV), header first, each cell as displayed text. */
  public static List<List<String>> read(InputStream in, boolean xlsx) throws IOException {
    return readAll(in, xlsx).get(0).rows();
  }

  /** Every sheet of an XLSX workbook (or the one of a CSV file), in order. */
  public static List<SheetRows> readAll(InputStream in, boolean xlsx) throws IOException {
    if (!xlsx) {
      return List.of(new SheetRows(null, readCsv(in)));
    }
    List<SheetRows> sheets = new ArrayList<>();
    try (Workbook workbook = new XSSFWorkbook(in)) {
      DataFormatter formatter = new DataFormatter();
      for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
        Sheet sheet = workbook.getSheetAt(s);
        List<List<String>> rows = new ArrayList<>();
        int width =
            sheet.getRow(sheet.getFirstRowNum()) == null
                ? 0
                : sheet.getRow(sheet.getFirstRowNum()).getLastCellNum();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
          Row row = sheet.getRow(r);
          List<String> cells = new ArrayList<>();
          for (int c = 0; c < width; c++) {
            Cell cell = row == null ? null : row.getCell(c);
            cells.add(cell == null ? "" : formatter.formatCellValue(cell).trim());
          }
          rows.add(cells);
        }
        sheets.add(new SheetRows(sheet.getSheetName(), rows));
      }
    }
    return sheets;
  }

  private static List<List<String>> readCsv(InputStream in) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    byte[] bytes = in.readAllBytes();
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    try (CSVParser parser =
        CSVFormat.DEFAULT
            .builder()
            .setIgnoreSurroundingSpaces(true)
            .get()
            .parse(
                new InputStreamReader(
                    new ByteArrayInputStream(bytes, start, bytes.length - start),
                    StandardCharsets.UTF_8))) {
      for (CSVRecord record : parser) {
        List<String> cells = new ArrayList<>();
        record.forEach(cell -> cells.add(cell.trim()));
        rows.add(cells);
      }
    }
    return rows;
  }

  static byte[] writeCsv(List<String> header, List<List<String>> rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(
        new byte[] {
          (byte) 0xEF, (byte) 0xBB, (byte) 0xBF
        }); // BOM: spreadsheet programs then read UTF-8
    try (CSVPrinter printer =
        new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
      printer.printRecord(header);
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    }
    return out.toByteArray();
  }

  /** A workbook of the sheets, each sheet's rows header first. */
  static byte[] writeXlsx(List<SheetRows> sheets) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (SheetRows rows : sheets) {
        Sheet sheet = workbook.createSheet(rows.name());
        for (int i = 0; i < rows.rows().size(); i++) {
          writeRow(sheet.createRow(i), rows.rows().get(i));
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  static List<List<String>> withHeader(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }

  private static void writeRow(Row row, List<String> cells) {
    for (int c = 0; c < cells.size(); c++) {
      row.createCell(c).setCellValue(cells.get(c) == null ? "" : cells.get(c));
    }
  }
}
