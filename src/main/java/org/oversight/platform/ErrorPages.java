package org.oversight.platform;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error the container reports (a refusal, a page not found, an exception no handler took):
 * a GOV.UK page, or problem+json for the API and for a client that takes only JSON. Whatever the
 * request, a database that cannot be reached is "service unavailable" (503), not a failure of the
 * page. Asked for directly, the error page is a page not found.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    Object error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String accept = request.getHeader("Accept");
        if ((uri != null && uri.startsWith(request.getContextPath() + "/api/"))
                || (accept != null && accept.contains("json") && !accept.contains("html"))) {
            ProblemDetail p = ProblemDetail.forStatus(status);
            p.setTitle(status.getReasonPhrase());
            p.setDetail(switch (status) {
                case SERVICE_UNAVAILABLE -> "Oversight cannot answer just now: nothing was saved. Try again in a few minutes.";
                case REQUEST_TIMEOUT -> "The request's body arrived too slowly and was stopped part way: nothing was saved.";
                case CONTENT_TOO_LARGE -> "The request is larger than Oversight takes: nothing was saved.";
                default -> null;
            });
            if (uri != null) {
                p.setInstance(URI.create(uri));
            }
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        return page;
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return HttpStatus.NOT_FOUND;
        }
        if (databaseDown((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        HttpStatus status = HttpStatus.resolve((Integer) code);
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    /**
     * A page or API call that found the database down answers through the error page, as 503,
     * with a line in the log rather than a stack trace for every request while it is down.
     */
    @ControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class DatabaseDown {

        private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

        @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
        void unavailable(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
            log.warn("{} {}: the database cannot be reached ({})", request.getMethod(), request.getRequestURI(),
                    NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        }
    }

    /** The database is down or restarting: no connection to be had, or the one in use was cut. */
    static boolean databaseDown(Throwable t) {
        for (; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    // 08: the connection failed; 57P: the server is shutting down, crashed, or starting.
                    || (t instanceof SQLException e && e.getSQLState() != null && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57P")))) {
                return true;
            }
        }
        return false;
    }
}
