package org.oversight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class OversightApplication {

    public static void main(String[] args) {
        Integer status = Launcher.run(args, OversightApplication.class);
        if (status != null) {
            System.exit(status);
        }
    }
}
