package cn.gridcase.event;

/** The form of a mediation agreement (rule E3). */
public enum AgreementForm {
  /** 书面协议. */
  WRITTEN,
  /** 口头协议. */
  ORAL
}
