package cn.gridcase.organisation;

/**
 * The facts on a person's file that rule G5 judges a grid worker by, each under its request field
 * name. Values are compared and audited as text: the enum's name, or {@code true}/{@code false}.
 * The birth date is not among them: it is read from the id-card number, which identifies the
 * person.
 */
public enum PersonFact {
  EDUCATION("education", "文化程度"),
  CURRENT_POST("currentPost", "现任职务"),
  CRIMINAL_RECORD("criminalRecord", "受过刑事处罚"),
  UNDER_INVESTIGATION("underInvestigation", "涉嫌犯罪被立案调查尚未结案"),
  DETAINED("detained", "被行政拘留、司法拘留"),
  DISMISSED_FROM_OFFICE("dismissedFromOffice", "被开除公职"),
  DISHONEST_PERSON("dishonestPerson", "失信联合惩戒对象");

  private final String field;
  private final String label;

  PersonFact(String field, String label) {
    this.field = field;
    this.label = label;
  }

  /** The name of the fact in requests (appointments and updates). */
  public String field() {
    return field;
  }

  public String label() {
    return label;
  }

  /** The value on file. */
  String valueOn(Person person) {
    Person.Exclusions x = person.exclusions();
    return switch (this) {
      case EDUCATION -> person.education() == null ? null : person.education().name();
      case CURRENT_POST -> person.currentPost().name();
      case CRIMINAL_RECORD -> String.valueOf(x.criminalRecord());
      case UNDER_INVESTIGATION -> String.valueOf(x.underInvestigation());
      case DETAINED -> String.valueOf(x.detained());
      case DISMISSED_FROM_OFFICE -> String.valueOf(x.dismissedFromOffice());
      case DISHONEST_PERSON -> String.valueOf(x.dishonestPerson());
    };
  }

  /** The value an appointment request declares, or null when it declares none. */
  String declaredIn(AppointmentRequest.PersonDetails details) {
    Person.Exclusions x = details.exclusions();
    return switch (this) {
      case EDUCATION -> details.education() == null ? null : details.education().name();
      case CURRENT_POST -> details.currentPost() == null ? null : details.currentPost().name();
      case CRIMINAL_RECORD -> x == null ? null : String.valueOf(x.criminalRecord());
      case UNDER_INVESTIGATION -> x == null ? null : String.valueOf(x.underInvestigation());
      case DETAINED -> x == null ? null : String.valueOf(x.detained());
      case DISMISSED_FROM_OFFICE -> x == null ? null : String.valueOf(x.dismissedFromOffice());
      case DISHONEST_PERSON -> x == null ? null : String.valueOf(x.dishonestPerson());
    };
  }

  /** The value an update asks for, or null when it leaves the fact as it is. */
  String requestedBy(FactsUpdate update) {
    return switch (this) {
      case EDUCATION -> update.education() == null ? null : update.education().name();
      case CURRENT_POST -> update.currentPost() == null ? null : update.currentPost().name();
      case CRIMINAL_RECORD -> text(update.criminalRecord());
      case UNDER_INVESTIGATION -> text(update.underInvestigation());
      case DETAINED -> text(update.detained());
      case DISMISSED_FROM_OFFICE -> text(update.dismissedFromOffice());
      case DISHONEST_PERSON -> text(update.dishonestPerson());
    };
  }

  /** A value as the officials read it: the level's or post's name, 是/否, 未填写. */
  String shown(String value) {
    if (value == null) {
      return "未填写";
    }
    return switch (this) {
      case EDUCATION -> Education.valueOf(value).label();
      case CURRENT_POST -> CurrentPost.valueOf(value).label();
      default -> Boolean.parseBoolean(value) ? "是" : "否";
    };
  }

  private static String text(Boolean value) {
    return value == null ? null : value.toString();
  }
}
