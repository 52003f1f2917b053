package cn.gridcase.security.internal;

import java.time.Duration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Puts {@link LockoutIdentityProvider} in place of the engine's identity store. */
@Component
class LockoutEnginePlugin extends AbstractProcessEnginePlugin {

  private final Duration lockoutDuration;

  LockoutEnginePlugin(
      @Value("${gridcase.security.lockout-duration:15m}") Duration lockoutDuration) {
    if (lockoutDuration.isNegative() || lockoutDuration.isZero()) {
      throw new IllegalArgumentException(
          "gridcase.security.lockout-duration must be positive: " + lockoutDuration);
    }
    this.lockoutDuration = lockoutDuration;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(
        LockoutIdentityProvider.factory(lockoutDuration));
  }
}
