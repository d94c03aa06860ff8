package org.oversight;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Every integration and browser test uses this one configuration, so the whole run shares one
 * application context and one embedded PostgreSQL (with the demo data loaded once), its passwords
 * hashed at BCrypt's lowest cost ({@link TestPasswords}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = OversightApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"oversight.admin-password=" + TestUsers.PASSWORD, "oversight.demo-papers=false"})
@ContextConfiguration(initializers = SingleSignOnProvider.class)
@Import(TestPasswords.class)
public @interface OversightTest {
}
