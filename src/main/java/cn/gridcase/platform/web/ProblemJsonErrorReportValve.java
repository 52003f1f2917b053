package cn.gridcase.platform.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's last-resort error page, for requests that fail before they reach the application (for
 * example a query with characters that must be percent-encoded): problem+json instead of Tomcat's
 * HTML page, and never a stack trace.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    String title = known == null ? null : known.getReasonPhrase();
    String detail =
        status == 400
            ? "The request could not be read: check that the URL is percent-encoded (e.g. Chinese"
                + " characters in a query)."
            : "The request failed before it reached the application.";
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(
            "{\"type\":\"about:blank\",\"title\":\""
                + (title == null ? "Error " + status : title)
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail
                + "\"}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the connection is gone: nothing more to say
    }
  }
}
