package cn.gridcase.home;

import cn.gridcase.organisation.AppointmentRole;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One section of the home page: a role the user holds, the units they hold it in, and what they can
 * do, each action a link to a page that exists today.
 */
record RoleSection(String key, String title, List<String> units, List<Action> actions) {

  record Action(String label, String href, String hint) {}

  static final String TASKLIST = "/camunda/app/tasklist/default/";
  static final String COCKPIT = "/camunda/app/cockpit/default/";
  static final String ADMIN = "/camunda/app/admin/default/";
  static final String API_DOCS = "/swagger-ui.html";
  static final String REPORT_EVENT = "/events/new";
  static final String MY_EVENTS = "/events/mine";
  static final String ROUTINE = "/routine";
  static final String ROUTINE_WORKERS = "/routine/workers";

  /** The roles held in a village or township that look after its grid workers' routine. */
  static final Set<AppointmentRole> OVER_GRID_WORKERS =
      EnumSet.of(
          AppointmentRole.GRID_LEADER,
          AppointmentRole.GRID_INSTRUCTOR,
          AppointmentRole.EVENT_HANDLER,
          AppointmentRole.SECTION_HEAD,
          AppointmentRole.AREA_LEADER,
          AppointmentRole.SUPERVISOR);

  /** The section with 网格员日常工作 added (for a role held over grids: a village or a township). */
  RoleSection withRoutineWorkers() {
    List<Action> more = new ArrayList<>(actions);
    more.add(new Action("网格员日常工作", ROUTINE_WORKERS, "所辖网格专职网格员的打卡、巡查、走访、日志、排查和信息采集差额，按周、月、季度查看。"));
    return new RoleSection(key, title, units, List.copyOf(more));
  }

  static final String MY_PAY = "/assessment/pay";
  static final String PAY_SHEET = "/assessment/pay-sheet";
  static final String RANKINGS = "/assessment/rankings";
  static final String PAY_SETTINGS = "/assessment/pay-settings";

  /** The section with 报酬表, 排名 and 报酬设置 added (for a role held in a township). */
  RoleSection withPaySheet() {
    List<Action> more = new ArrayList<>(actions);
    more.add(new Action("网格员报酬表", PAY_SHEET, "本乡镇网格员每月报酬和季度发放表，可导出 Excel。"));
    more.add(new Action("排名", RANKINGS, "按月、按周的网格和网格员排名：计件数、按期率。"));
    more.add(new Action("报酬设置", PAY_SETTINGS, "本乡镇的基本报酬、扣减、奖励和上限：综治中心（考核小组）修改，自下月起执行，留存修改记录。"));
    return new RoleSection(key, title, units, List.copyOf(more));
  }

  static final String LEADERS = "/assessment/leaders";
  static final String LEADER_BONUS = "/assessment/leader-bonus";
  static final String YEARS = "/assessment/years";

  /**
   * The roles held in a township that read its pay sheet and rankings and record the grid leaders'
   * reviews and surveys (A8).
   */
  static final Set<AppointmentRole> TOWNSHIP_STAFF =
      EnumSet.of(
          AppointmentRole.EVENT_HANDLER, AppointmentRole.SECTION_HEAD, AppointmentRole.SUPERVISOR);

  /** The section with the township's leader and year pages added (A7, A8, A9). */
  RoleSection withLeaderPages() {
    List<Action> more = new ArrayList<>(actions);
    more.add(new Action("网格长考评", LEADERS, "录入和查看网格长半年考评、年度满意度测评（公示）；不满意超过三分之一的提出撤换建议。"));
    more.add(new Action("年终奖励挂钩", LEADER_BONUS, "网格长、指导员、片长所负责网格的网格员年度平均分、档次和挂钩比例。"));
    more.add(new Action("年度考评", YEARS, "各网格员四个季度的得分和等次、年度平均分和档次，可导出 Excel。"));
    return new RoleSection(key, title, units, List.copyOf(more));
  }

  static final String MY_TASKS = "/tasks";
  static final String NOTIFICATIONS = "/notifications";
  static final String MEETINGS = "/meetings";

  private static Action meetings(String hint) {
    return new Action("例会", MEETINGS, hint);
  }

  static final String ASSIGNMENTS = "/assignments";
  static final String MATTERS = "/matters";

  private static Action assignments(String hint) {
    return new Action("交办任务", ASSIGNMENTS, hint);
  }

  private static Action matters(String hint) {
    return new Action("事项清单", MATTERS, hint);
  }

  static final String MY_ASSESSMENT = "/assessment/mine";
  static final String ASSESSMENT = "/assessment";

  private static Action assessment(String hint) {
    return new Action("季度考核", ASSESSMENT, hint);
  }

  private static Action tasks(String hint) {
    return new Action("我的任务", TASKLIST, hint);
  }

  static final String SUPERVISION_BOARD = "/supervision";

  private static Action board(String hint) {
    return new Action("督办看板", SUPERVISION_BOARD, hint);
  }

  static final String OVERDUE = "/supervision/overdue";
  static final String PROPOSALS = "/accountability/proposals";

  private static Action overdue(String hint) {
    return new Action("超期事项", OVERDUE, hint);
  }

  private static Action api(String hint) {
    return new Action("接口文档", API_DOCS, hint);
  }

  static RoleSection of(AppointmentRole role, List<String> units) {
    List<Action> actions =
        switch (role) {
          case GRID_WORKER ->
              List.of(
                  new Action("上报事件", REPORT_EVENT, "在手机上上报本网格发现的事件：时间、地点、人物、起因、经过。"),
                  new Action("我的日常工作", ROUTINE, "打卡、开始和结束巡查，记录走访、民情日志、隐患排查和信息采集；看本周、本月还差什么。"),
                  new Action("我的事件", MY_EVENTS, "本网格的事件、当前环节的期限和办理记录；在事件页受理、办结、上报。"),
                  new Action("我的任务", MY_TASKS, "待您办理和待认领的任务，按期限先后。"),
                  meetings("本网格的周例会：待召开的、记录会议和出勤；已参加的上级例会和培训。"),
                  assignments("上级交办给本网格的任务：期限和工作要求，完成后填写办理情况。"),
                  new Action("我的报酬", MY_PAY, "本月（或所选月份）的报酬：上报件数、计件数、扣减和奖励，逐件说明是否计件。"),
                  new Action("我的考核", MY_ASSESSMENT, "本季度考核的各项得分和每一项扣分的依据；公示期间可提出异议。"),
                  new Action("通知", NOTIFICATIONS, "催办、超期、办结待反馈等通知。"));
          case GRID_SUPERVISOR_ASSISTANT,
              GRID_POLICE_OFFICER,
              GRID_FIREFIGHTER,
              GRID_MONITOR,
              GRID_VOLUNTEER ->
              List.of(
                  new Action("上报事件", REPORT_EVENT, "协助网格员，上报在网格中发现的事件。"),
                  new Action("我的任务", MY_TASKS, "办理交给您的任务。"),
                  new Action("通知", NOTIFICATIONS, "交给您的事项和提醒。"));
          case GRID_LEADER, GRID_INSTRUCTOR ->
              List.of(
                  tasks("办理本村（社区）网格上报和交办给您的事项。"),
                  board("查看本村（社区）各网格在办、临期和超期的事件，督办。"),
                  overdue("本村（社区）各网格超过期限仍未办结的事项，可筛选、导出 Excel。"),
                  meetings("本村（社区）的月例会：待召开的、记录会议和出勤。"));
          case EVENT_HANDLER ->
              List.of(
                  tasks("认领并办理派给本单位的事件：受理、承办、办结。"),
                  meetings("本单位召开的例会（村月例会，乡镇季度例会和网格员周、月例会）：待召开的、记录会议和出勤。"),
                  assignments("乡镇综治中心、职能部门向网格员交办任务，查看各网格办理情况。"),
                  matters("可交办网格员的事项、禁入事项及其审批依据。"),
                  assessment("网格员季度考核：村（社区）录入群众满意度；乡镇综治中心审核扣分、答复异议、定档。"),
                  api("按接口查询本单位的事件。"));
          case SECTION_HEAD ->
              List.of(
                  tasks("审核、交办本单位的事件。"),
                  assignments("向网格员交办任务，查看各网格办理情况。"),
                  matters("可交办网格员的事项、禁入事项及其审批依据。"),
                  board("查看各单位在办、临期和超期的事件，督办。"),
                  overdue("本单位及所辖范围内超过期限仍未办结的事项，可筛选、导出 Excel。"),
                  meetings("本单位召开的例会：待召开的、记录会议和出勤。"),
                  assessment("网格员季度考核：审核扣分、答复异议、定档公布。"));
          case AREA_LEADER ->
              List.of(
                  tasks("办理工作片内各村（社区）交给您的事项。"),
                  board("查看工作片内各村（社区）在办、临期和超期的事件，督办。"),
                  overdue("工作片内各村（社区）超过期限仍未办结的事项，可筛选、导出 Excel。"));
          case SUPERVISOR ->
              List.of(
                  tasks("办理督办任务。"),
                  board("按乡镇、村（社区）、网格和部门查看在办、临期和超期的事件，催办、督办。"),
                  overdue("按乡镇、村（社区）、网格、部门、责任人查看超期事件和案件，导出 Excel。"),
                  new Action("问责建议", PROPOSALS, "系统依据超期等事实提出的责任追究建议：采纳立案或不采纳。"),
                  assignments("审批不在清单内的交办事项（同意或退回），查看各网格办理情况。"),
                  matters("维护本乡镇的事项清单：准入、禁入、退出，记录审批依据。"),
                  assessment("本乡镇网格员的季度考核：进度、得分、等次和补贴。"));
          case INVESTIGATOR -> List.of(tasks("办理分配给您的责任追究调查。"), api("查看分配给您的责任追究案件。"));
        };
    return new RoleSection(role.name(), role.label(), List.copyOf(units), actions);
  }

  static RoleSection administrator() {
    return new RoleSection(
        "ADMINISTRATOR",
        "系统管理员",
        List.of(),
        List.of(
            new Action("流程监控（Cockpit）", COCKPIT, "查看流程实例、作业和事故。"),
            new Action("用户与权限（Admin）", ADMIN, "管理账号、用户组和授权，解锁被锁定的账号。"),
            tasks("办理交给您的任务。"),
            new Action("报酬设置", PAY_SETTINGS, "各乡镇的基本报酬、扣减、奖励和上限：自下月起执行，留存修改记录。"),
            api("组织机构、任职、节假日和时限等管理接口。")));
  }
}
