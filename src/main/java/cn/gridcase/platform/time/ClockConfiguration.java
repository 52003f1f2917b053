package cn.gridcase.platform.time;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  /** The one clock of the domain code; it follows the engine clock. */
  @Bean
  Clock gridCaseClock() {
    return EngineClock.gridCaseClock();
  }
}
