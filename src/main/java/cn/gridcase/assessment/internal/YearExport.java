package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.internal.YearEvaluations.QuarterResult;
import cn.gridcase.assessment.internal.YearEvaluations.WorkerYear;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The yearly evaluation as an Excel file (Apache POI): a title row (township, year, provisional or
 * not), Chinese headers, one row per grid worker — name, account (账号) and grid code as in the pay
 * sheets, the village by name — with the four quarters' scores and grades, the year's average and
 * band; scores as numbers. File name 年度考评-GS-2026.xlsx.
 */
final class YearExport {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  static final List<String> HEADERS = headers();

  private YearExport() {}

  private static List<String> headers() {
    List<String> h = new ArrayList<>(List.of("序号", "网格员", "账号", "网格", "村（社区）"));
    for (int q = 1; q <= 4; q++) {
      h.add("第" + q + "季度得分");
      h.add("第" + q + "季度等次");
    }
    h.addAll(List.of("已定档季度数", "年度平均分", "年度档次"));
    return List.copyOf(h);
  }

  static ResponseEntity<byte[]> download(YearEvaluations.Year year, String townshipName) {
    String name = "年度考评-" + year.townshipCode() + "-" + year.year() + ".xlsx";
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"year-"
                + year.townshipCode()
                + "-"
                + year.year()
                + ".xlsx\"; filename*=UTF-8''"
                + encoded)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(xlsx(year, townshipName));
  }

  static byte[] xlsx(YearEvaluations.Year year, String townshipName) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("年度考评");
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle header = workbook.createCellStyle();
      header.setFont(bold);
      header.setBorderBottom(BorderStyle.THIN);
      CellStyle number = workbook.createCellStyle();
      number.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("0.00"));
      Cell title = sheet.createRow(0).createCell(0);
      title.setCellValue(townshipName + " " + year.year() + " 年度网格员考评（" + year.note() + "）");
      title.setCellStyle(header);
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
      Row head = sheet.createRow(1);
      for (int i = 0; i < HEADERS.size(); i++) {
        Cell cell = head.createCell(i);
        cell.setCellValue(HEADERS.get(i));
        cell.setCellStyle(header);
      }
      int r = 2;
      for (WorkerYear w : year.workers()) {
        Row line = sheet.createRow(r);
        line.createCell(0).setCellValue(r - 1);
        line.createCell(1).setCellValue(w.name());
        line.createCell(2).setCellValue(w.username());
        line.createCell(3).setCellValue(w.gridCode());
        line.createCell(4).setCellValue(w.villageName());
        int c = 5;
        for (QuarterResult q : w.quarters()) {
          Cell score = line.createCell(c++);
          if (q.score() != null) {
            score.setCellValue(q.score().doubleValue());
            score.setCellStyle(number);
          } else {
            score.setCellValue(q.finalized() ? "未参加" : "未定档");
          }
          line.createCell(c++).setCellValue(q.gradeLabel() == null ? "" : q.gradeLabel());
        }
        line.createCell(c++).setCellValue(w.quartersAssessed());
        Cell avg = line.createCell(c++);
        if (w.average() != null) {
          avg.setCellValue(w.average().doubleValue());
          avg.setCellStyle(number);
        }
        line.createCell(c).setCellValue(w.bandLabel() == null ? "" : w.bandLabel());
        r++;
      }
      sheet.createFreezePane(0, 2);
      for (int i = 0; i < HEADERS.size(); i++) {
        sheet.setColumnWidth(i, 14 * 256);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
