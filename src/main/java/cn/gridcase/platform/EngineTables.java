package cn.gridcase.platform;

/**
 * The Camunda tables GridCase reads or writes with its own SQL, named in one place (issue 12 A5).
 * Plain SQL on the engine's tables is for what the engine API cannot do fast enough: lists joined
 * to domain tables, moving many due dates at once (see where each is used). The engine runs without
 * a table prefix ({@code camunda.bpm.database.table-prefix} is not set), so these are the tables'
 * names as {@code ManagementService#getTableName} gives them.
 */
public final class EngineTables {

  /** Open user tasks. */
  public static final String TASK = "ACT_RU_TASK";

  /** Candidate users and groups of open tasks (identity links). */
  public static final String IDENTITY_LINK = "ACT_RU_IDENTITYLINK";

  /** Executions; a process instance is the execution whose {@code ID_ = PROC_INST_ID_}. */
  public static final String EXECUTION = "ACT_RU_EXECUTION";

  /** Jobs, timers among them. */
  public static final String JOB = "ACT_RU_JOB";

  /** Process definitions. */
  public static final String PROCESS_DEFINITION = "ACT_RE_PROCDEF";

  /** Task history, which Cockpit shows. */
  public static final String TASK_HISTORY = "ACT_HI_TASKINST";

  /** Variable history. */
  public static final String VARIABLE_HISTORY = "ACT_HI_VARINST";

  /** Detail history: variable updates and submitted form fields. */
  public static final String DETAIL_HISTORY = "ACT_HI_DETAIL";

  /** Comments on tasks and processes. */
  public static final String COMMENT_HISTORY = "ACT_HI_COMMENT";

  /** Attachments of tasks and processes. */
  public static final String ATTACHMENT_HISTORY = "ACT_HI_ATTACHMENT";

  /** Byte arrays (serialized variables, attachment contents). */
  public static final String BYTE_ARRAY = "ACT_GE_BYTEARRAY";

  /** The identity store's users, where the lock-out is kept. */
  public static final String USER = "ACT_ID_USER";

  private EngineTables() {}
}
