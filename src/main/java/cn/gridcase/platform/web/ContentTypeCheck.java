package cn.gridcase.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The {@code Content-Type} of an {@code /api} request, checked before anything reads the body: a
 * type that cannot be parsed, a wildcard ({@code *}/{@code *}, {@code application/*}) or a
 * multipart body sent to an endpoint that takes JSON is a 415 (Spring would fail on them with a
 * 500). Multipart bodies are parsed lazily ({@code spring.servlet.multipart.resolve-lazily}), so
 * only the endpoints that take a file parse them.
 */
class ContentTypeCheck implements HandlerInterceptor {

  static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws HttpMediaTypeNotSupportedException {
    String header = request.getContentType();
    if (header == null || header.isBlank()) {
      return true;
    }
    MediaType type;
    try {
      type = MediaType.parseMediaType(header);
    } catch (InvalidMediaTypeException e) {
      throw new HttpMediaTypeNotSupportedException("不是有效的 Content-Type：" + header, JSON);
    }
    if (type.isWildcardType() || type.isWildcardSubtype()) {
      throw new HttpMediaTypeNotSupportedException("Content-Type 不能含通配符：" + header, JSON);
    }
    if (type.getType().equals("multipart")
        && handler instanceof HandlerMethod method
        && !takesFiles(method)) {
      throw new HttpMediaTypeNotSupportedException(
          type, JSON, HttpMethod.valueOf(request.getMethod()));
    }
    return true;
  }

  private static boolean takesFiles(HandlerMethod method) {
    return Arrays.stream(method.getMethodParameters())
        .anyMatch(
            parameter ->
                parameter.hasParameterAnnotation(RequestPart.class)
                    || MultipartFile.class.isAssignableFrom(parameter.getParameterType()));
  }
}
