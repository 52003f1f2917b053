package cn.gridcase.test;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Base of process tests: the application's engine with the models of {@code bpmn/} deployed,
 * camunda-bpm-assert bound to it, a {@link ControlledClock} reset after every test, and BPMN
 * coverage reports under {@code target/process-test-coverage}.
 */
@GridCaseSpringTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class ProcessTestSupport {

  @Autowired
  protected ProcessEngine processEngine;

  protected ControlledClock clock;

  @BeforeEach
  void bindEngineAndClock() {
    BpmnAwareTests.init(processEngine);
    clock = new ControlledClock(processEngine.getManagementService());
  }

  @AfterEach
  void resetClockAndAuthentication() {
    clock.reset();
    processEngine.getIdentityService().clearAuthentication();
  }
}
