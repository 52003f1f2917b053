package cn.gridcase.accountability.internal;

import cn.gridcase.accountability.AccountabilityProposals;
import cn.gridcase.event.LateStepEnded;
import cn.gridcase.event.StepRanOverdue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hears the event feature's late steps (C3). Each delivery runs once the publishing transaction
 * committed (the timer's job, a step's completion), in the committing thread and in a transaction
 * of its own; Spring Modulith's publication registry keeps the event, written in the publishing
 * transaction, until the listener returned, so a failure leaves it to be delivered again ({@link
 * ProposalRedelivery}) and a proposal is never lost once the late step is recorded. Not
 * {@code @ApplicationModuleListener}: that one is {@code @Async}, and Modulith enables async
 * execution — the proposal would appear some time after the job, and tests would have to wait.
 */
@Component
class LateStepProposals {

  private final AccountabilityProposals proposals;

  LateStepProposals(AccountabilityProposals proposals) {
    this.proposals = proposals;
  }

  /** A step ran overdue: a proposal against each person who answers for it. */
  @TransactionalEventListener
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void raise(StepRanOverdue overdue) {
    proposals.raiseForLateStep(overdue);
  }

  /** A late step ended: its proposals' lateness is fixed. */
  @TransactionalEventListener
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void ended(LateStepEnded ended) {
    proposals.lateStepEnded(ended);
  }
}
