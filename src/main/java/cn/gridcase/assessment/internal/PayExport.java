package cn.gridcase.assessment.internal;

import cn.gridcase.assessment.PayStatement;
import cn.gridcase.assessment.QuarterPay;
import cn.gridcase.platform.GridCaseTime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The pay sheets as Excel files (Apache POI, streaming): a title row (township, month or quarter,
 * provisional or not, the moment), Chinese headings, one row per grid worker, amounts as numbers in
 * yuan with two decimals, a total row.
 */
final class PayExport {

  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  static final List<String> MONTH_HEADERS =
      List.of("序号", "网格", "网格员", "账号", "上报件数", "计件数", "基本报酬（元）", "扣减（元）", "奖励（元）", "应发合计（元）", "状态");

  private PayExport() {}

  static List<String> quarterHeaders(List<String> months) {
    List<String> headers = new ArrayList<>(List.of("序号", "网格", "网格员", "账号"));
    for (String m : months) {
      headers.add(m + " 应发（元）");
    }
    headers.addAll(List.of("上报件数", "计件数", "基本报酬（元）", "扣减（元）", "奖励（元）", "季度应发（元）"));
    return headers;
  }

  static ResponseEntity<byte[]> month(
      String townshipName, String month, List<PayStatement> rows, OffsetDateTime at) {
    boolean provisional = rows.stream().anyMatch(PayStatement::provisional);
    String title =
        townshipName
            + " "
            + month
            + " 网格员报酬表"
            + (provisional ? "（暂定）" : "")
            + "  导出时间："
            + GridCaseTime.minute(at)
            + "（北京时间）";
    byte[] file =
        write(
            "报酬表",
            title,
            MONTH_HEADERS,
            (sheet, money) -> {
              int r = 2;
              long total = 0;
              for (PayStatement s : rows) {
                Row line = sheet.createRow(r);
                line.createCell(0).setCellValue(r - 1);
                line.createCell(1).setCellValue(s.gridCode());
                line.createCell(2).setCellValue(s.name());
                line.createCell(3).setCellValue(s.username());
                line.createCell(4).setCellValue(s.entries());
                line.createCell(5).setCellValue(s.countedEntries());
                yuan(line, 6, s.baseFen(), money);
                yuan(line, 7, s.deductionFen(), money);
                yuan(line, 8, s.bonusFen(), money);
                yuan(line, 9, s.totalFen(), money);
                line.createCell(10).setCellValue(s.provisional() ? "暂定" : "确定");
                total += s.totalFen();
                r++;
              }
              Row sum = sheet.createRow(r);
              sum.createCell(1).setCellValue("合计");
              yuan(sum, 9, total, money);
            });
    return download(file, "报酬表-" + month, "pay-" + month);
  }

  static ResponseEntity<byte[]> quarter(
      String townshipName,
      String quarter,
      List<String> months,
      boolean over,
      List<QuarterPay> rows,
      OffsetDateTime at) {
    String title =
        townshipName
            + " "
            + quarter
            + " 网格员报酬季度发放表"
            + (over ? "" : "（季度未结束，按今日计算）")
            + "  导出时间："
            + GridCaseTime.minute(at)
            + "（北京时间）";
    List<String> headers = quarterHeaders(months);
    byte[] file =
        write(
            "季度发放表",
            title,
            headers,
            (sheet, money) -> {
              int r = 2;
              long total = 0;
              for (QuarterPay q : rows) {
                Row line = sheet.createRow(r);
                line.createCell(0).setCellValue(r - 1);
                line.createCell(1).setCellValue(q.gridCode());
                line.createCell(2).setCellValue(q.name());
                line.createCell(3).setCellValue(q.username());
                int c = 4;
                for (String m : months) {
                  Optional<PayStatement> month =
                      q.months().stream().filter(s -> s.month().toString().equals(m)).findFirst();
                  if (month.isPresent()) {
                    yuan(line, c, month.get().totalFen(), money);
                  } else {
                    // a month not begun (or not served in the township) is left blank, not 0.00
                    line.createCell(c).setCellValue("—");
                  }
                  c++;
                }
                line.createCell(c++).setCellValue(q.entries());
                line.createCell(c++).setCellValue(q.countedEntries());
                yuan(line, c++, q.baseFen(), money);
                yuan(line, c++, q.deductionFen(), money);
                yuan(line, c++, q.bonusFen(), money);
                yuan(line, c, q.totalFen(), money);
                total += q.totalFen();
                r++;
              }
              Row sum = sheet.createRow(r);
              sum.createCell(1).setCellValue("合计");
              yuan(sum, headers.size() - 1, total, money);
            });
    return download(file, "报酬季度发放表-" + quarter, "pay-" + quarter);
  }

  private interface Body {
    void write(Sheet sheet, CellStyle money);
  }

  private static void yuan(Row row, int column, long fen, CellStyle money) {
    Cell cell = row.createCell(column);
    cell.setCellValue(Money.yuanNumber(fen).doubleValue());
    cell.setCellStyle(money);
  }

  private static byte[] write(String sheetName, String title, List<String> headers, Body body) {
    SXSSFWorkbook workbook = new SXSSFWorkbook(200);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet(sheetName);
      Font big = workbook.createFont();
      big.setBold(true);
      big.setFontHeightInPoints((short) 13);
      CellStyle titleStyle = workbook.createCellStyle();
      titleStyle.setFont(big);
      Font bold = workbook.createFont();
      bold.setBold(true);
      CellStyle header = workbook.createCellStyle();
      header.setFont(bold);
      header.setBorderBottom(BorderStyle.THIN);
      CellStyle money = workbook.createCellStyle();
      money.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("0.00"));
      Cell titleCell = sheet.createRow(0).createCell(0);
      titleCell.setCellValue(title);
      titleCell.setCellStyle(titleStyle);
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, headers.size() - 1));
      Row head = sheet.createRow(1);
      for (int i = 0; i < headers.size(); i++) {
        Cell cell = head.createCell(i);
        cell.setCellValue(headers.get(i));
        cell.setCellStyle(header);
        sheet.setColumnWidth(i, (i == 0 ? 6 : i == 2 ? 12 : 16) * 256);
      }
      body.write(sheet, money);
      sheet.createFreezePane(0, 2);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      workbook.dispose();
    }
  }

  /** RFC 6266: an ASCII name for old clients, the Chinese one as RFC 5987 {@code filename*}. */
  private static ResponseEntity<byte[]> download(byte[] file, String chinese, String ascii) {
    String encoded =
        URLEncoder.encode(chinese + ".xlsx", StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + ascii + ".xlsx\"; filename*=UTF-8''" + encoded)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(file);
  }
}
