package org.formbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Formbox: collects filled forms by email, reads them, checks them and answers the sender. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FormboxApplication {

    public static void main(String[] args) {
        MailDecoding.configure();
        ProviderLookups.pin();
        SpringApplication.run(FormboxApplication.class, args);
    }
}
