package cn.gridcase.assignment.internal;

import java.io.Serializable;

/**
 * The supervisor's decision on an assignment whose matter is not on the list (S4), as submitted:
 * {@code decision} APPROVE or REJECT (a form may send anything), the reason (required to reject).
 */
public record ApprovalDecision(String decision, String reason) implements Serializable {

  public static final String APPROVE = "APPROVE";
  public static final String REJECT = "REJECT";
}
