package cn.gridcase.assignment;

import static cn.gridcase.platform.TextRules.LONG_MAX;

import cn.gridcase.platform.Text;
import java.util.List;

/**
 * A task a township center or department gives to the grid workers of some grids (交办, S4): the
 * grids, the matter of the list it belongs to (none: a matter not on the list), what to do, and
 * within how many working days (T2).
 */
public record NewAssignment(
    @Text(max = 64) List<String> gridCodes,
    @Text(max = 64) String matterCode,
    @Text(max = 200) String title,
    @Text(max = LONG_MAX, multiLine = true) String instructions,
    Integer workingDays) {}
