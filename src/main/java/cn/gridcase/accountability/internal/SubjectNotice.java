package cn.gridcase.accountability.internal;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** C7: when and how the person was told of the decision (告知被追究人), as submitted. */
public record SubjectNotice(String notifiedAt, String channel) implements Serializable {

  Map<String, Object> texts() {
    Map<String, Object> texts = new LinkedHashMap<>();
    texts.put(CaseVariables.NOTIFIED_AT, notifiedAt);
    texts.put(CaseVariables.CHANNEL, channel);
    return texts;
  }
}
