package cn.gridcase.accountability.internal;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** C5: the talk (约谈) held — the day (ISO date) and what was said — as submitted. */
public record TalkRecord(String heldOn, String record) implements Serializable {

  Map<String, Object> texts() {
    Map<String, Object> texts = new LinkedHashMap<>();
    texts.put(CaseVariables.TALK_HELD_ON, heldOn);
    texts.put(CaseVariables.TALK_RECORD, record);
    return texts;
  }
}
