package cn.gridcase.event.internal;

import cn.gridcase.event.Satisfaction;

/** 回访反馈 (E9): the residents' satisfaction and an optional comment. */
public record Feedback(Satisfaction satisfaction, String comment) {

  public Feedback {
    comment = EventRules.text(comment);
  }
}
