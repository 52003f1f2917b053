package cn.gridcase.event.internal;

import cn.gridcase.event.AgreementForm;

/**
 * 办结 (E3): the result; for a dispute also the mediator, mediation result, agreement form and terms.
 */
public record Resolution(
    String result,
    String mediator,
    String mediationResult,
    AgreementForm agreementForm,
    String agreementTerms,
    String delayReason)
    implements Handling {

  public Resolution {
    result = EventRules.text(result);
    mediator = EventRules.text(mediator);
    mediationResult = EventRules.text(mediationResult);
    agreementTerms = EventRules.text(agreementTerms);
    delayReason = EventRules.text(delayReason);
  }

  @Override
  public HandlingOutcome outcome() {
    return HandlingOutcome.RESOLVE;
  }
}
