package cn.gridcase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** GridCase: workflow and case management for grid-based community governance (网格化管理). */
@SpringBootApplication
public class GridCaseApplication {

  public static void main(String[] args) {
    SpringApplication.run(GridCaseApplication.class, args);
  }
}
