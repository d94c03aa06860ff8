package org.oversight.platform;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The API as a page people can read: every endpoint by area, its method, path and what it does; the OpenAPI document for tools. */
@Controller
class ApiGuide {

    record Endpoint(String method, String path, String summary) {
    }

    private final RequestMappingHandlerMapping mappings;

    ApiGuide(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @GetMapping("/api-guide")
    String guide(Model model) {
        Map<String, List<Endpoint>> byArea = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            Class<?> type = e.getValue().getBeanType();
            if (!type.isAnnotationPresent(RestController.class)) {
                continue;
            }
            Method m = e.getValue().getMethod();
            Operation op = m.getAnnotation(Operation.class);
            Tag tag = type.getAnnotation(Tag.class);
            for (String path : e.getKey().getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (var method : e.getKey().getMethodsCondition().getMethods()) {
                    byArea.computeIfAbsent(tag == null ? "Accounts and audit" : tag.name(), k -> new ArrayList<>())
                            .add(new Endpoint(method.name(), path, op == null ? "" : op.summary()));
                }
            }
        }
        byArea.values().forEach(l -> l.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method)));
        model.addAttribute("areas", byArea);
        return "platform/api-guide";
    }
}
