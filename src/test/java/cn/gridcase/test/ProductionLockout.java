package cn.gridcase.test;

import java.util.Properties;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The production lock-out settings on the shared test engine for one test (the test profile
 * switches the lock-out off for every other test): application.yml's values and the engine's
 * defaults for what it does not set. {@link #close()} puts the test profile's back.
 */
public final class ProductionLockout implements AutoCloseable {

  private final ProcessEngineConfigurationImpl engine;
  private final int[] testProfileSettings;

  public ProductionLockout(ProcessEngine processEngine) {
    engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    testProfileSettings =
        new int[] {
          engine.getLoginMaxAttempts(),
          engine.getLoginDelayBase(),
          engine.getLoginDelayFactor(),
          engine.getLoginDelayMaxTime()
        };
    Properties production = productionSettings();
    StandaloneInMemProcessEngineConfiguration defaults =
        new StandaloneInMemProcessEngineConfiguration();
    String prefix = "camunda.bpm.generic-properties.properties.";
    engine.setLoginMaxAttempts(
        Integer.parseInt(production.getProperty(prefix + "login-max-attempts")));
    engine.setLoginDelayMaxTime(
        Integer.parseInt(production.getProperty(prefix + "login-delay-max-time")));
    engine.setLoginDelayBase(defaults.getLoginDelayBase());
    engine.setLoginDelayFactor(defaults.getLoginDelayFactor());
  }

  /** How many wrong passwords in a row lock an account. */
  public int maxAttempts() {
    return engine.getLoginMaxAttempts();
  }

  /** The longest back-off delay after a wrong password, in seconds. */
  public int maxDelaySeconds() {
    return engine.getLoginDelayMaxTime();
  }

  public static Properties productionSettings() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    return yaml.getObject();
  }

  @Override
  public void close() {
    engine.setLoginMaxAttempts(testProfileSettings[0]);
    engine.setLoginDelayBase(testProfileSettings[1]);
    engine.setLoginDelayFactor(testProfileSettings[2]);
    engine.setLoginDelayMaxTime(testProfileSettings[3]);
  }
}
