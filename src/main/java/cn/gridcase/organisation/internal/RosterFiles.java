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

  /** All rows of the first sheet (or the CSV), header first, each cell as displayed text. */
  public static List<List<String>> read(InputStream in, boolean xlsx) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    if (xlsx) {
      try (Workbook workbook = new XSSFWorkbook(in)) {
        Sheet sheet = workbook.getSheetAt(0);
        DataFormatter formatter = new DataFormatter();
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
      }
    } else {
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

  static byte[] writeXlsx(List<String> header, List<List<String>> rows) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("网格花名册");
      writeRow(sheet.createRow(0), header);
      for (int i = 0; i < rows.size(); i++) {
        writeRow(sheet.createRow(i + 1), rows.get(i));
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static void writeRow(Row row, List<String> cells) {
    for (int c = 0; c < cells.size(); c++) {
      row.createCell(c).setCellValue(cells.get(c) == null ? "" : cells.get(c));
    }
  }
}
