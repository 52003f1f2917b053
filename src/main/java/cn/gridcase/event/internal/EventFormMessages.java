package cn.gridcase.event.internal;

import cn.gridcase.platform.ApiError;
import java.util.regex.Pattern;

/**
 * The Chinese message a page shows next to a field for one refusal of the domain (the API keeps its
 * codes and messages; several of E1–E6's are English). By code, and where one code covers several
 * problems (missing or too long), by whether the field was filled.
 */
final class EventFormMessages {

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final Pattern LATIN_WORDS = Pattern.compile("[A-Za-z]{3,} [A-Za-z]{2,}");

  private EventFormMessages() {}

  /**
   * @param filled whether the user gave the field a value (then the problem is not that it is
   *     missing)
   */
  static String of(ApiError error, boolean filled) {
    String code = error.code() == null ? "" : error.code();
    String field = error.field() == null ? "" : error.field();
    String message =
        switch (code) {
          case "E1.category" -> "请选择事件类别";
          case "E2.grid" -> filled ? "没有这个网格，请从列表中选择" : "请选择所在网格";
          case "E2.title" -> filled ? "标题最多 200 个字" : "请填写标题（一句话说明是什么事）";
          case "E2.time" ->
              !filled ? "请填写发生时间" : error.message().contains("future") ? "发生时间不能晚于现在" : null;
          case "E2.place" -> filled ? "地点最多 500 个字" : "请填写地点（在哪里发生）";
          case "E2.persons" -> filled ? "人物最多 1000 个字" : "请填写人物（涉及哪些人）";
          case "E2.cause" -> filled ? "起因最多 4000 个字" : "请填写起因（为什么发生）";
          case "E2.course" -> filled ? "经过最多 4000 个字" : "请填写经过（事情是怎样发展的）";
          case "E2.parties" ->
              field.endsWith(".name")
                  ? "请填写当事人姓名"
                  : field.equals("parties") ? "矛盾纠纷须填写当事人双方（至少两人）" : "请填写当事人";
          case "E2.phone" ->
              field.endsWith(".phone")
                  ? "不是有效的电话号码（例如 13800138000 或 0931-1234567）"
                  : "矛盾纠纷须至少填写一位当事人的联系电话";
          case "E3.result" -> filled ? "办理结果最多 4000 个字" : "办结须填写办理结果";
          case "E3.mediator" -> filled ? "调解人最多 100 个字" : "矛盾纠纷办结须填写调解人";
          case "E3.mediationResult" -> filled ? "调解结果最多 4000 个字" : "矛盾纠纷办结须填写调解结果";
          case "E3.agreementForm" -> filled ? "协议形式只能是书面或口头" : "请选择协议形式（书面或口头）";
          case "E3.agreementTerms" -> filled ? "协议内容最多 4000 个字" : "矛盾纠纷办结须填写协议内容";
          case "E5.reason" -> filled ? "上报理由最多 4000 个字" : "上报须填写理由";
          case "E5.outcome" -> "此环节不能这样办理";
          case "E9.satisfaction" -> "请选择群众满意度（满意、基本满意或不满意）";
          case "E9.comment" -> "反馈意见最多 4000 个字";
          case "E6.delayReason" -> filled ? "延期原因最多 4000 个字" : "已超过办理期限，须注明延期原因";
          default -> null;
        };
    if (message != null) {
      return message;
    }
    // text.* (control characters, length) and the domain's Chinese messages are shown as they are
    String given = error.message() == null ? "" : error.message();
    return HAN.matcher(given).find() && !LATIN_WORDS.matcher(given).find() ? given : "此项不符合要求，请检查";
  }
}
