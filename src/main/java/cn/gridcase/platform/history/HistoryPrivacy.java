package cn.gridcase.platform.history;

import cn.gridcase.platform.ProcessVariableCatalogue;
import cn.gridcase.platform.ProcessVariableCatalogue.HistoricValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Keeps what users enter out of the engine's history (issue 10, item 6): the history event handler
 * the engine built is wrapped by {@link CataloguedHistory}, which lets in only the variables the
 * features catalogue ({@link ProcessVariableCatalogue}); comments and attachments are refused
 * ({@link NoCommentsOrAttachments}). The history level stays the engine's own {@code audit}, so
 * existing databases, Cockpit and Tasklist see no difference in level.
 */
@Component
class HistoryPrivacy extends AbstractProcessEnginePlugin {

  private final Map<String, Map<String, HistoricValue>> catalogue;
  private final Set<String> waitsOnly;

  HistoryPrivacy(List<ProcessVariableCatalogue> catalogues) {
    this.catalogue = merge(catalogues);
    this.waitsOnly =
        catalogues.stream()
            .flatMap(c -> c.waitsOnlyActivityHistory().stream())
            .collect(Collectors.toUnmodifiableSet());
  }

  /** Every feature's catalogue in one: process key → variable → allowed values. */
  static Map<String, Map<String, HistoricValue>> merge(List<ProcessVariableCatalogue> catalogues) {
    Map<String, Map<String, HistoricValue>> merged = new HashMap<>();
    for (ProcessVariableCatalogue catalogue : catalogues) {
      catalogue
          .historicVariables()
          .forEach(
              (process, variables) ->
                  variables.forEach(
                      (name, value) -> {
                        if (merged.computeIfAbsent(process, p -> new HashMap<>()).put(name, value)
                            != null) {
                          throw new IllegalStateException(
                              "variable " + name + " of " + process + " is catalogued twice");
                        }
                      }));
    }
    merged.replaceAll((process, variables) -> Map.copyOf(variables));
    return Map.copyOf(merged);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors =
        configuration.getCustomPreCommandInterceptorsTxRequired() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new NoCommentsOrAttachments());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** After init: the engine has built its handler (the database one and any custom ones). */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(
        new CataloguedHistory(configuration.getHistoryEventHandler(), catalogue, waitsOnly));
  }
}
