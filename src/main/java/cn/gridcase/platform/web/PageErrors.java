package cn.gridcase.platform.web;

import cn.gridcase.platform.NotFound;
import cn.gridcase.platform.StateConflict;
import cn.gridcase.platform.WebPage;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The failures of the pages ({@link WebPage} controllers) as Chinese pages with the right status:
 * 404 for something unknown or out of the user's scope (its existence is not revealed, as in the
 * API), 403 for an action the user may not take, 409 for one the thing's state no longer allows,
 * 500 without internals. Ahead of {@code ApiExceptionHandler}, which would answer problem+json. A
 * refused form is not handled here: its controller shows the form again with every problem.
 */
@ControllerAdvice(annotations = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

  private static final Logger log = LoggerFactory.getLogger(PageErrors.class);
  static final String VIEW = "page-error";

  @ExceptionHandler({NotFound.class, MethodArgumentTypeMismatchException.class})
  String notFound(Exception ex, HttpServletResponse response, Model model) {
    return page(
        response,
        model,
        HttpServletResponse.SC_NOT_FOUND,
        "页面不存在",
        "没有找到您要的内容，或者您无权查看它。请检查链接，或从首页重新进入。");
  }

  @ExceptionHandler(AccessDeniedException.class)
  String forbidden(AccessDeniedException ex, HttpServletResponse response, Model model) {
    return page(
        response,
        model,
        HttpServletResponse.SC_FORBIDDEN,
        "无权办理",
        "您没有办理此项的权限：它不在您的工作范围内，或当前不在您所在的单位。如需办理，请联系其所在单位。");
  }

  @ExceptionHandler(StateConflict.class)
  String conflict(StateConflict ex, HttpServletResponse response, Model model) {
    return page(
        response,
        model,
        HttpServletResponse.SC_CONFLICT,
        "无法办理",
        "此事项的状态已经改变（可能已由他人办理），当前不能这样办理。请返回刷新后查看。");
  }

  @ExceptionHandler(Exception.class)
  String unexpected(Exception ex, HttpServletResponse response, Model model) throws Exception {
    if (ex instanceof ErrorResponse) {
      // framework answers (405, 400 of a missing parameter …) keep their status
      int status = ((ErrorResponse) ex).getStatusCode().value();
      return page(response, model, status, status == 404 ? "页面不存在" : "请求无法执行", "请求无法执行。请从首页重新进入。");
    }
    log.error("Unexpected failure of a page", ex);
    return page(
        response,
        model,
        HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
        "服务器出错",
        "服务器处理请求时出错，操作未生效；错误已记录。请稍后再试。");
  }

  private static String page(
      HttpServletResponse response, Model model, int status, String title, String text) {
    response.setStatus(status);
    model.addAttribute("status", status);
    model.addAttribute("title", title);
    model.addAttribute("text", text);
    return VIEW;
  }
}
