package org.oversight.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.Filter;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the server refuses before any code of a module runs: API bodies over 10 MB (files
 * included: a scorecard is at most 10 MB), forms it cannot read, request bodies too many at once
 * from one address or too slow; and the security headers on every response, the container's own
 * error pages included.
 */
@Configuration(proxyBeanMethods = false)
class ServerLimits {

    static final long MAX_API_BODY = 10L * 1024 * 1024 + 64 * 1024;



    @Bean
    FilterRegistrationBean<Filter> apiBodyLimit(JsonMapper json) {
        FilterRegistrationBean<Filter> bean = new FilterRegistrationBean<>((req, res, chain) -> {
            HttpServletRequest http = (HttpServletRequest) req;
            if (http.getRequestURI().equals(http.getContextPath() + "/api/figures")) {
                chain.doFilter(req, res);
                return;
            }
            if (http.getContentLengthLong() > MAX_API_BODY) {
                ApiAuthentication.problem((HttpServletResponse) res, json, HttpStatus.CONTENT_TOO_LARGE, "Request too large",
                        String.format("The request body is %.1f MB; the API takes at most 10 MB.", http.getContentLengthLong() / 1048576.0));
                return;
            }
            chain.doFilter(http.getContentLengthLong() < 0 ? new Bounded(http) : req, res);
        });
        // /api/figures streams its file to the database, so its size takes no memory.
        bean.addUrlPatterns("/api/*");
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }

    /**
     * A form Tomcat cannot read (over its 2 MB, or too many boxes) is answered for what it is, 413
     * or 400, before anything else reads it: read later by the CSRF check, its boxes (the token
     * among them) would be missing, and the form refused as forged (403). Runs after the character
     * encoding is set, so the boxes are read as UTF-8.
     */
    @Bean
    FilterRegistrationBean<Filter> formLimit() {
        FilterRegistrationBean<Filter> bean = new FilterRegistrationBean<>((req, res, chain) -> {
            String type = req.getContentType();
            if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                // Tomcat throws its InvalidParameterException, which carries the status it is answered with.
                req.getParameterMap();
            }
            chain.doFilter(req, res);
        });
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }

    /** A body sent without its length (chunked) is cut off past the limit, so it cannot fill the memory. */
    static final class Bounded extends HttpServletRequestWrapper {
        Bounded(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0 && ++read > MAX_API_BODY) {
                        throw new TooLarge();
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = in.read(b, off, len);
                    if (n > 0 && (read += n) > MAX_API_BODY) {
                        throw new TooLarge();
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }

    static final class TooLarge extends IOException {
        TooLarge() {
            super("the request body is over 10 MB, which the API does not take");
        }
    }

    /**
     * Tomcat answers some malformed requests itself; its answers carry the same headers as the
     * app's. Request bodies are paced and counted ({@link RequestBodies}), and a body that stops
     * coming for 10 seconds is cut off (Tomcat's default waits a minute between two bytes).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcat() {
        return factory -> {
            factory.addEngineValves(new ValveBase(true) {
                @Override
                public void invoke(Request request, Response response) throws IOException, ServletException {
                    response.setHeader("X-Content-Type-Options", "nosniff");
                    response.setHeader("Referrer-Policy", "same-origin");
                    response.setHeader("X-Frame-Options", "DENY");
                    response.setHeader("Content-Security-Policy", SecurityConfig.CSP);
                    getNext().invoke(request, response);
                }
            }, new RequestBodies());
            factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                    http.setDisableUploadTimeout(false);
                    http.setConnectionUploadTimeout(10_000);
                }
            });
        };
    }
}
