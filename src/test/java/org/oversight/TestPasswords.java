package org.oversight;

import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The run's passwords hashed and checked with BCrypt at its lowest cost (4) instead of the app's
 * (10): the same algorithm and stored form ({@code {bcrypt}$2a$04$...}), a few milliseconds a
 * hash instead of tens to hundreds, for the hundreds of accounts made, passwords changed and
 * sign-ins of a run. Every account and sign-in of the run's context goes through it.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestPasswords {

    @Bean
    @Primary
    PasswordEncoder testPasswordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
    }
}
