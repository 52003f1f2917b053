package cn.gridcase.home;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gridcase.event.EventCategory;
import cn.gridcase.event.EventReport;
import cn.gridcase.event.Events;
import cn.gridcase.event.Party;
import cn.gridcase.test.BrowserTestSupport;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11 part 6 in a real browser: every page each role opens is labelled, reachable by keyboard
 * with a visible focus, in zh-CN, with text that contrasts with its background (WCAG 2.1 AA: 4.5:1,
 * 3:1 for large text) — checked on the page as rendered, not on the templates.
 */
class PagesAccessibilityBrowserTests extends BrowserTestSupport {

  static Stream<Arguments> pages() {
    return Stream.of(
        Arguments.of(null, "/login"),
        Arguments.of("worker1", "/"),
        Arguments.of("worker1", "/events/new"),
        Arguments.of("worker1", "/events/mine"),
        Arguments.of("worker1", "/routine"),
        Arguments.of("worker1", "/events/{EVENT}"),
        Arguments.of("worker1", "/tasks"),
        Arguments.of("worker1", "/notifications"),
        Arguments.of("worker1", "/meetings"),
        Arguments.of("center1", "/meetings/new"),
        Arguments.of("supervisor1", "/"),
        Arguments.of("supervisor1", "/supervision"),
        Arguments.of("supervisor1", "/supervision/steps?townshipCode=GS&due=OPEN"),
        Arguments.of("supervisor1", "/supervision/events/{EVENT}"),
        Arguments.of("supervisor1", "/supervision/overdue"),
        Arguments.of("supervisor1", "/accountability/proposals"),
        Arguments.of("head1", "/supervision"),
        Arguments.of("station1", "/routine/workers"),
        Arguments.of("station1", "/routine/workers/worker1"),
        Arguments.of("admin", "/"));
  }

  @ParameterizedTest(
      name = "Issue 11.6: {1} as {0}: labels, keyboard, visible focus, contrast, lang zh-CN")
  @MethodSource("pages")
  @DisplayName("Issue 11.6: accessible pages")
  void accessible(String user, String path) throws Exception {
    if (user != null) {
      logIn(user, "demo");
    }
    open(path.replace("{EVENT}", anEvent()));
    assertThat(find("html").getDomAttribute("lang")).isEqualTo("zh-CN");
    assertThat(browser.getTitle()).isNotBlank();
    @SuppressWarnings("unchecked")
    List<String> problems = (List<String>) ((JavascriptExecutor) browser).executeScript(AUDIT);
    assertThat(problems).as("labels, names and contrast on " + path).isEmpty();
    keyboardReachesEverything(path);
  }

  @Autowired Events events;

  private static String event;

  /**
   * An event of worker1's grid with parties and steps, reported once for the pages of one event.
   */
  private String anEvent() {
    if (event == null) {
      event =
          events
              .report(
                  new EventReport(
                      EventCategory.DISPUTE,
                      "GS-V01-G01",
                      "邻里噪音纠纷",
                      OffsetDateTime.now().minusHours(2),
                      "5号楼",
                      "赵某、钱某",
                      "深夜装修",
                      "双方争执，网格员到场",
                      List.of(new Party("赵某", "13800000011"), new Party("钱某", "13800000012")),
                      false),
                  "worker1")
              .number();
    }
    return event;
  }

  /**
   * Tabs through the page from the top: every visible link, button and field is reached, and each
   * shows a focus ring (an outline or a box shadow that differs from its unfocused look). The page
   * notes each element as focus enters it, so the Tabs go as one sequence of key presses and the
   * notes are read once (a round trip per Tab made this test the slowest of the build).
   */
  @SuppressWarnings("unchecked")
  private void keyboardReachesEverything(String path) {
    JavascriptExecutor js = (JavascriptExecutor) browser;
    List<String> focusable = (List<String>) js.executeScript(FOCUSABLE);
    js.executeScript(NOTE_FOCUS);
    Set<String> reached = new LinkedHashSet<>();
    List<String> noRing = new ArrayList<>();
    // a Tab per control still missing, then look; a date-time field takes one Tab per part (year,
    // month, day, hour, minute), so a page may need a few rounds, at most 2 × its controls + 20
    // Tabs
    int sent = 0;
    int read = 0;
    while (sent < 2 * focusable.size() + 20 && !reached.containsAll(focusable)) {
      int missing = (int) focusable.stream().filter(f -> !reached.contains(f)).count();
      Actions tabs = new Actions(browser);
      for (int i = 0; i < missing + 2; i++) {
        tabs.sendKeys(Keys.TAB);
      }
      tabs.perform();
      sent += missing + 2;
      List<Map<String, Object>> notes =
          (List<Map<String, Object>>) js.executeScript("return window.gridcaseFocusNotes;");
      for (Map<String, Object> focus : notes.subList(read, notes.size())) {
        String id = (String) focus.get("id");
        if (reached.add(id) && !Boolean.TRUE.equals(focus.get("ring"))) {
          noRing.add(id);
        }
      }
      read = notes.size();
    }
    assertThat(reached).as("Tab reaches every control on " + path).containsAll(focusable);
    assertThat(noRing).as("controls without a visible focus on " + path).isEmpty();
  }

  /** A stable description of each visible focusable element, in document order. */
  private static final String DESCRIBE =
      """
      function describe(el) {
        // Tab enters a group of radio buttons once; the arrow keys move inside it
        if (el.type === 'radio') return 'radio group[' + el.name + ']';
        const text = (el.getAttribute('aria-label') || el.innerText || el.value || el.name || el.id || '').trim();
        return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '[' + text.substring(0, 30) + ']'
          + Array.prototype.indexOf.call(document.querySelectorAll(el.tagName), el);
      }
      function visible(el) {
        const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
      }
      const FOCUSABLE = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]),'
        + ' select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
      """;

  private static final String FOCUSABLE =
      DESCRIBE
          + """
          return [...new Set(Array.from(document.querySelectorAll(FOCUSABLE)).filter(visible).map(describe))];
          """;

  /**
   * Notes each element focus enters, with whether it shows a ring then: style as focused (the
   * element is the active one while {@code focusin} runs).
   */
  private static final String NOTE_FOCUS =
      DESCRIBE
          + """
          window.gridcaseFocusNotes = [];
          if (!window.gridcaseNotingFocus) {
            window.gridcaseNotingFocus = true;
            document.addEventListener('focusin', event => {
              const el = event.target;
              if (!el || el === document.body || el === document) return;
              const focused = getComputedStyle(el);
              const ring = (focused.outlineStyle !== 'none' && parseFloat(focused.outlineWidth) >= 1)
                || (focused.boxShadow && focused.boxShadow !== 'none');
              window.gridcaseFocusNotes.push({id: describe(el), ring: ring});
            }, true);
          }
          document.activeElement && document.activeElement.blur();
          window.scrollTo(0, 0);
          """;

  /** Labels, accessible names and contrast, as a list of problems (empty when the page passes). */
  private static final String AUDIT =
      DESCRIBE
          + """
          const problems = [];
          for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
            if (!visible(el) && el.type !== 'checkbox' && el.type !== 'radio') continue;
            const named = (el.labels && Array.from(el.labels).some(l => l.innerText.trim().length > 0))
              || (el.getAttribute('aria-label') || '').trim().length > 0;
            if (!named) problems.push('field without a label: ' + describe(el));
          }
          for (const el of document.querySelectorAll('button, a[href]')) {
            if (!visible(el)) continue;
            const name = (el.innerText || el.getAttribute('aria-label') || el.title || '').trim();
            if (!name) problems.push('control without a name: ' + describe(el));
          }
          for (const img of document.querySelectorAll('img')) {
            if (!img.hasAttribute('alt')) problems.push('image without alt: ' + img.src);
          }
          function rgba(c) {
            const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return [0, 0, 0, 0];
            const p = m[1].split(',').map(x => parseFloat(x)); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
          }
          function lum(c) {
            const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
          }
          function background(el) {
            let layers = [];
            for (let e = el; e; e = e.parentElement) {
              const c = rgba(getComputedStyle(e).backgroundColor);
              if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
            }
            let result = [255, 255, 255];
            for (const c of layers.reverse()) result = result.map((v, i) => c[i] * c[3] + v * (1 - c[3]));
            return result;
          }
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const seen = new Set();
          while (walker.nextNode()) {
            const node = walker.currentNode; const el = node.parentElement;
            if (!node.textContent.trim() || !el || seen.has(el) || !visible(el)) continue;
            seen.add(el);
            const s = getComputedStyle(el); const fg = rgba(s.color); const bg = background(el);
            const color = fg.slice(0, 3).map((v, i) => v * fg[3] + bg[i] * (1 - fg[3]));
            const l1 = lum(color), l2 = lum(bg);
            const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
            const size = parseFloat(s.fontSize); const bold = parseInt(s.fontWeight) >= 700;
            const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
            if (ratio < needed) problems.push('contrast ' + ratio.toFixed(2) + ' < ' + needed + ' for "'
              + node.textContent.trim().substring(0, 30) + '" (' + s.color + ' on rgb(' + bg.map(Math.round) + '))');
          }
          return problems;
          """;
}
