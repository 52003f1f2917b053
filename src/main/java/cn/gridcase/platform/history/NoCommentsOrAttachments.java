package cn.gridcase.platform.history;

import cn.gridcase.platform.ApiError;
import cn.gridcase.platform.DomainRuleViolation;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Refuses task and process comments and attachments, whoever asks and through whichever door: the
 * engine keeps them in ACT_HI_COMMENT / ACT_HI_ATTACHMENT (and ACT_GE_BYTEARRAY), outside the
 * domain's tables and their access rules. What users record about a step goes into the task's form,
 * which the domain stores (E10, the case steps).
 */
final class NoCommentsOrAttachments extends CommandInterceptor {

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof AddCommentCmd || command instanceof UpdateCommentCmd) {
      throw refusal("message", "不能添加评论：办理情况请填写在任务表单中，由系统的办理记录保存。");
    }
    if (command instanceof CreateAttachmentCmd || command instanceof SaveAttachmentCmd) {
      throw refusal("attachment", "不能添加附件：办理情况请填写在任务表单中，由系统的办理记录保存。");
    }
    return next.execute(command);
  }

  /**
   * A client mistake (400 at {@code /engine-rest}); the rule violation inside lets the REST layer's
   * mapper answer with the Chinese message and the field.
   */
  private static BadUserRequestException refusal(String field, String message) {
    DomainRuleViolation violation =
        new DomainRuleViolation(message, List.of(new ApiError(field, "ENGINE.history", message)));
    return new BadUserRequestException(message, violation);
  }
}
