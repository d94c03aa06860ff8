package org.oversight.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.webjars.WebJarVersionLocator;

/** The GOV.UK Design System shell: its fonts and images, and the home page. */
@Configuration(proxyBeanMethods = false)
class WebShell implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // govuk-frontend's stylesheet asks for its fonts and images at /assets/.
        String version = new WebJarVersionLocator().version("govuk-frontend");
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/assets/");
    }

    @Controller
    static class Home {
        @GetMapping("/")
        String home() {
            return "home";
        }
    }
}
