package cn.gridcase.accountability.internal;

import static cn.gridcase.platform.TextRules.LONG_MAX;

import cn.gridcase.accountability.AccountabilityCases;
import cn.gridcase.accountability.AccountabilityProposals;
import cn.gridcase.accountability.CaseRead;
import cn.gridcase.accountability.CaseView;
import cn.gridcase.accountability.Grading;
import cn.gridcase.accountability.OpenCase;
import cn.gridcase.accountability.Proposal;
import cn.gridcase.platform.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Accountability", description = "accountability cases and proposals (rules C1-C7)")
class AccountabilityController {

  private final AccountabilityCases cases;
  private final AccountabilityProposals proposals;

  AccountabilityController(AccountabilityCases cases, AccountabilityProposals proposals) {
    this.cases = cases;
    this.proposals = proposals;
  }

  @PostMapping("/accountability/cases")
  @Operation(summary = "立案: a supervisor opens a case citing the clause of S0 第四条")
  ResponseEntity<CaseView> open(Principal user, @RequestBody OpenCase request) {
    CaseView opened = cases.open(request, user.getName());
    return ResponseEntity.created(URI.create("/api/accountability/cases/" + opened.id()))
        .body(opened);
  }

  @GetMapping("/accountability/cases")
  @Operation(summary = "The cases the caller may see (each listed case is an audited read)")
  List<CaseView> list(Principal user) {
    return cases.list(user.getName());
  }

  @GetMapping("/accountability/cases/{id}")
  @Operation(summary = "One case with its steps; the read is audited")
  CaseView get(Principal user, @PathVariable long id) {
    return cases.get(id, user.getName());
  }

  @GetMapping("/accountability/cases/{id}/reads")
  @Operation(summary = "Who read the case and when (supervisors, administrators)")
  List<CaseRead> reads(Principal user, @PathVariable long id) {
    return cases.reads(id, user.getName());
  }

  record ExtendRequest(Object workingDays, @Text(max = LONG_MAX, multiLine = true) String reason) {}

  @PostMapping("/accountability/cases/{id}/extend")
  @Operation(summary = "C6: extend the investigation once, by 1-5 working days, with a reason")
  CaseView extend(Principal user, @PathVariable long id, @RequestBody ExtendRequest request) {
    return cases.extend(id, user.getName(), request.workingDays(), request.reason());
  }

  record DecideRequest(
      @Text(max = 64) List<String> measures,
      @Text(max = 64) List<String> mitigating,
      @Text(max = 64) List<String> aggravating,
      @Text(max = LONG_MAX, multiLine = true) String reasoning,
      @Text(max = LONG_MAX, multiLine = true) String findings) {}

  @PostMapping("/accountability/cases/{id}/decide")
  @Operation(
      summary =
          "C2/C4: the decision; notifyBy = 3 working days later unless the only measure is TALK"
              + " (C7)")
  CaseView decide(Principal user, @PathVariable long id, @RequestBody DecideRequest request) {
    return cases.decide(
        id,
        user.getName(),
        request.measures(),
        request.mitigating(),
        request.aggravating(),
        request.reasoning(),
        request.findings());
  }

  record NotifyRequest(@Text(max = 64) String notifiedAt, @Text(max = 200) String channel) {}

  @PostMapping("/accountability/cases/{id}/notify")
  @Operation(summary = "C7: the person was told of the decision")
  CaseView notifySubject(
      Principal user, @PathVariable long id, @RequestBody NotifyRequest request) {
    return cases.notifySubject(id, user.getName(), request.notifiedAt(), request.channel());
  }

  record DismissRequest(@Text(max = LONG_MAX, multiLine = true) String reasoning) {}

  @PostMapping("/accountability/cases/{id}/dismiss")
  @Operation(summary = "No liability found (免予追究)")
  CaseView dismiss(Principal user, @PathVariable long id, @RequestBody DismissRequest request) {
    return cases.dismiss(id, user.getName(), request.reasoning());
  }

  record TalkRequest(
      @Text(max = 64) String heldOn, @Text(max = LONG_MAX, multiLine = true) String record) {}

  @PostMapping("/accountability/cases/{id}/talk")
  @Operation(
      summary =
          "C5: the talk (约谈) was held, by one of its conductors: the day (yyyy-MM-dd) and what was"
              + " said")
  CaseView talk(Principal user, @PathVariable long id, @RequestBody TalkRequest request) {
    return cases.recordTalk(id, user.getName(), request.heldOn(), request.record());
  }

  record ExecutionRequest(@Text(max = LONG_MAX, multiLine = true) String note) {}

  @PostMapping("/accountability/cases/{id}/execution")
  @Operation(summary = "Records how the decision was carried out and archives the case")
  CaseView execution(Principal user, @PathVariable long id, @RequestBody ExecutionRequest request) {
    return cases.recordExecution(id, user.getName(), request.note());
  }

  @GetMapping("/accountability/proposals")
  @Operation(summary = "Proposals raised automatically (C3), each with its evidence and grading")
  List<Proposal> proposals(Principal user, @RequestParam(required = false) String status) {
    return cases.proposals(user.getName(), status);
  }

  record AcceptRequest(@Text(max = 64) List<String> investigators) {}

  @PostMapping("/accountability/proposals/{id}/accept")
  @Operation(summary = "A supervisor accepts a proposal: it opens a linked case")
  ResponseEntity<CaseView> accept(
      Principal user, @PathVariable long id, @RequestBody(required = false) AcceptRequest request) {
    CaseView opened =
        cases.acceptProposal(id, user.getName(), request == null ? null : request.investigators());
    return ResponseEntity.created(URI.create("/api/accountability/cases/" + opened.id()))
        .body(opened);
  }

  record RejectRequest(@Text(max = LONG_MAX, multiLine = true) String reason) {}

  @PostMapping("/accountability/proposals/{id}/reject")
  @Operation(summary = "A supervisor rejects a proposal with a reason")
  Proposal reject(Principal user, @PathVariable long id, @RequestBody RejectRequest request) {
    return cases.rejectProposal(id, user.getName(), request.reason());
  }

  @GetMapping("/admin/townships/{code}/accountability-grading")
  @Operation(summary = "How late event steps are graded (C3), per township (administrators)")
  Grading grading(@PathVariable String code) {
    return proposals.grading(code);
  }

  @PutMapping("/admin/townships/{code}/accountability-grading")
  @Operation(summary = "Sets how late event steps are graded (C3) (administrators)")
  Grading setGrading(@PathVariable String code, @RequestBody Grading grading) {
    return proposals.setGrading(code, grading);
  }
}
