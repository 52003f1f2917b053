package cn.gridcase.event;

/** 回访反馈 (E9): the residents' satisfaction and an optional comment. */
record Feedback(Satisfaction satisfaction, String comment) {

  Feedback {
    comment = EventRules.text(comment);
  }
}
