package cn.gridcase.organisation.internal;

import cn.gridcase.organisation.CurrentPost;
import cn.gridcase.organisation.Education;
import cn.gridcase.organisation.Person;
import cn.gridcase.platform.ApiError;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may be appointed grid worker (rule G5): the exclusions of the provincial rules, and S1's
 * extra conditions where the township keeps them on (the default). Every reason is reported, not
 * the first.
 */
public final class Eligibility {

  static final int MAX_AGE = 45;

  private Eligibility() {}

  public static List<ApiError> reasonsAgainstGridWorker(
      Person.Exclusions exclusions,
      LocalDate birthDate,
      Education education,
      CurrentPost post,
      LocalDate startsOn,
      boolean s1ExtraConditions) {
    List<ApiError> reasons = new ArrayList<>();
    if (exclusions.criminalRecord()) {
      reasons.add(
          new ApiError(
              "person.criminalRecord",
              "G5.criminalRecord",
              "has received a criminal penalty (受过刑事处罚)"));
    }
    if (exclusions.underInvestigation()) {
      reasons.add(
          new ApiError(
              "person.underInvestigation",
              "G5.underInvestigation",
              "is under criminal investigation not yet concluded (涉嫌犯罪被立案调查尚未结案)"));
    }
    if (exclusions.detained()) {
      reasons.add(
          new ApiError(
              "person.detained",
              "G5.detained",
              "has been under administrative or judicial detention (被行政拘留、司法拘留)"));
    }
    if (exclusions.dismissedFromOffice()) {
      reasons.add(
          new ApiError(
              "person.dismissedFromOffice",
              "G5.dismissed",
              "has been dismissed from public office (被开除公职)"));
    }
    if (exclusions.dishonestPerson()) {
      reasons.add(
          new ApiError(
              "person.dishonestPerson",
              "G5.dishonest",
              "is listed for joint punishment of dishonesty (失信联合惩戒对象)"));
    }
    if (s1ExtraConditions) {
      int age = birthDate == null ? 0 : Period.between(birthDate, startsOn).getYears();
      if (birthDate != null && age > MAX_AGE) {
        reasons.add(
            new ApiError(
                "person.idCardNumber",
                "G5.S1.age",
                "is "
                    + age
                    + " on "
                    + startsOn
                    + "; a grid worker is at most "
                    + MAX_AGE
                    + " (S1, township setting)"));
      }
      if (education == null || education.compareTo(Education.JUNIOR_HIGH) < 0) {
        reasons.add(
            new ApiError(
                "person.education",
                "G5.S1.education",
                "a grid worker has junior-high education or above (S1, township setting)"));
      }
      if (post != null && post.excludesGridWorker()) {
        reasons.add(
            new ApiError(
                "person.currentPost",
                "G5.S1.post",
                "a "
                    + post
                    + " may not double as grid worker (S1, township setting; deputy secretary and"
                    + " women's director excepted)"));
      }
    }
    return reasons;
  }
}
