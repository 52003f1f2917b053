package cn.gridcase.assignment;

import cn.gridcase.platform.Text;
import java.time.LocalDate;

/**
 * The recorded approval of a change to the matter list (S4, S3 二(二)): who approved it (e.g. 县委政法委),
 * the document that says so (文件/文号) and the day it was approved. Every field is required.
 */
public record Approval(
    @Text(max = 100) String approvedBy, @Text(max = 200) String document, LocalDate approvedOn) {}
