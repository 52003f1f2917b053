package cn.gridcase.test;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of process tests: the application's engine with the models of {@code bpmn/} deployed,
 * camunda-bpm-assert bound to it, a {@link ControlledClock} reset after every test, and BPMN
 * coverage reports under {@code target/process-test-coverage} (process-test-coverage registers its
 * Spring test listener itself; {@link GridCaseSpringTest} imports its engine plugin).
 */
@GridCaseSpringTest
public abstract class ProcessTestSupport {

  @Autowired protected ProcessEngine processEngine;

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
