package cn.gridcase.accountability.internal;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** How the decision was carried out (执行情况记录), as submitted. */
public record ExecutionRecord(String note) implements Serializable {

  Map<String, Object> texts() {
    Map<String, Object> texts = new LinkedHashMap<>();
    texts.put(CaseVariables.EXECUTION_NOTE, note);
    return texts;
  }
}
