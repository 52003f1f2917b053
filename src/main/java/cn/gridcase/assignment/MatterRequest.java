package cn.gridcase.assignment;

import cn.gridcase.platform.Text;

/**
 * Admits a matter to the list ({@code status} LISTED) or records it as prohibited (PROHIBITED),
 * with the approval it rests on; for a matter already known the name may be left out.
 */
public record MatterRequest(
    @Text(max = 64) String townshipCode,
    @Text(max = 64) String code,
    @Text(max = 100) String name,
    MatterStatus status,
    Approval approval) {}
