package org.sscard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SscardApplication {

	public static void main(String[] args) {
		SpringApplication.run(SscardApplication.class, args);
	}

}
