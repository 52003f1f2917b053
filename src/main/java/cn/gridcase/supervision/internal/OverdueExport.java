package cn.gridcase.supervision.internal;

import cn.gridcase.platform.GridCaseTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
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
 * The overdue list as an Excel file (Apache POI): a title row naming the filters and the moment,
 * Chinese headers, one row per overdue step in the list's order, deadlines as real Excel dates
 * (Beijing time), working days overdue as numbers. File name 超期事项-yyyy-MM-dd.xlsx.
 */
final class OverdueExport {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  static final List<String> HEADERS =
      List.of("序号", "事件编号/案件", "标题", "环节", "层级", "单位", "责任人", "期限", "超期工作日", "超期天数");

  private OverdueExport() {}

  static String fileName(OffsetDateTime at) {
    return "超期事项-" + at.toLocalDate() + ".xlsx";
  }

  /** RFC 6266: an ASCII name for old clients, the Chinese one as RFC 5987 {@code filename*}. */
  static String contentDisposition(OffsetDateTime at) {
    String encoded = URLEncoder.encode(fileName(at), StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"overdue-"
        + at.toLocalDate()
        + ".xlsx\"; filename*=UTF-8''"
        + encoded;
  }

  static String title(String filters, OffsetDateTime at) {
    return "超期事项（" + filters + "）  导出时间：" + GridCaseTime.minute(at) + "（北京时间）";
  }

  static ResponseEntity<byte[]> download(
      List<OverdueRows.Row> rows, String filters, OffsetDateTime at) {
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(at))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(xlsx(rows, title(filters, at)));
  }

  static byte[] xlsx(List<OverdueRows.Row> rows, String title) {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("超期事项");
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle titleStyle = workbook.createCellStyle();
      Font big = workbook.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 13);
      titleStyle.setFont(big);
      CellStyle header = workbook.createCellStyle();
      header.setFont(bold);
      header.setBorderBottom(BorderStyle.THIN);
      CellStyle date = workbook.createCellStyle();
      date.setDataFormat(
          workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));

      Cell titleCell = sheet.createRow(0).createCell(0);
      titleCell.setCellValue(title);
      titleCell.setCellStyle(titleStyle);
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.size() - 1));
      Row head = sheet.createRow(1);
      for (int i = 0; i < HEADERS.size(); i++) {
        Cell cell = head.createCell(i);
        cell.setCellValue(HEADERS.get(i));
        cell.setCellStyle(header);
      }
      int r = 2;
      for (OverdueRows.Row row : rows) {
        Row line = sheet.createRow(r);
        line.createCell(0).setCellValue(r - 1);
        line.createCell(1).setCellValue(row.reference());
        line.createCell(2).setCellValue(row.title());
        line.createCell(3).setCellValue(row.stepLabel());
        line.createCell(4).setCellValue(row.levelLabel());
        line.createCell(5).setCellValue(row.unitName());
        line.createCell(6).setCellValue(row.responsible());
        Cell due = line.createCell(7);
        // Excel dates have no zone: the deadline as Beijing wall-clock time
        due.setCellValue(row.step().due().atZoneSameInstant(GridCaseTime.ZONE).toLocalDateTime());
        due.setCellStyle(date);
        line.createCell(8).setCellValue(row.step().workingDaysOverdue());
        line.createCell(9).setCellValue(row.step().daysOverdue());
        r++;
      }
      sheet.createFreezePane(0, 2);
      int[] widths = {6, 22, 40, 12, 12, 20, 24, 18, 10, 10};
      for (int i = 0; i < widths.length; i++) {
        sheet.setColumnWidth(i, widths[i] * 256);
      }
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
