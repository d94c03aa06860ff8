package org.oversight.platform;

import java.util.Map;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.oversight.shared.FormErrors;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.RestController;
import java.net.URI;

import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.databind.DatabindException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The API's errors as RFC 9457 problem+json, naming the row, column or field at fault. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ProblemHandling {

    @ExceptionHandler(InputException.class)
    ProblemDetail badInput(InputException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        p.setTitle("Invalid input");
        p.setType(URI.create("urn:oversight:problem:invalid-input"));
        if (e.row() != null) {
            p.setProperty("row", e.row());
        }
        if (e.field() != null) {
            p.setProperty("field", e.field());
        }
        return p;
    }

    /** A body that is not the JSON expected: name the field where reading stopped (a number too large for it, a word for a number). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServerLimits.TooLarge) {
                ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, t.getMessage());
                p.setTitle("Request too large");
                return p;
            }
        }
        String field = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabindException d && !d.getPath().isEmpty()) {
                field = d.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
                break;
            }
        }
        return badInput(new InputException(field, field == null ? "the request body is not valid JSON for this request"
                : "the value is not one this field takes (a whole number too large, text for a number, or the like)"));
    }

    /** A body that broke its form's rules ({@code @Valid}): every broken rule, each with its field. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        return invalid(FormErrors.of(e.getBindingResult()).all());
    }

    /** The same rules checked by a service for a caller that did not check them. */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail invalidCall(ConstraintViolationException e) {
        return invalid(violations(e));
    }

    /** A path or query parameter that is not what it names: a month, a date, a number. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return badInput(new InputException(e.getName(), unreadable(e)));
    }

    static String unreadable(MethodArgumentTypeMismatchException e) {
        Throwable cause = e.getMostSpecificCause();
        return cause instanceof IllegalArgumentException && cause.getMessage() != null && cause.getMessage().startsWith("'")
                ? cause.getMessage() : "'" + e.getValue() + "' is not " + switch (e.getRequiredType() == null ? "" : e.getRequiredType().getSimpleName()) {
                    case "int", "Integer", "long", "Long" -> "a whole number";
                    case "boolean", "Boolean" -> "yes or no (true or false)";
                    case "BigDecimal" -> "a number";
                    default -> "a " + e.getRequiredType().getSimpleName().toLowerCase();
                };
    }

    /** Each violation under its field (the last node of its path), in a stable order. */
    static Map<String, String> violations(ConstraintViolationException e) {
        Map<String, String> out = new TreeMap<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            String field = null;
            for (Path.Node n : v.getPropertyPath()) {
                if (n.getKind() == ElementKind.PROPERTY) {
                    field = n.getName();
                }
            }
            out.putIfAbsent(field == null ? "form" : field, v.getMessage());
        }
        return out;
    }

    private ProblemDetail invalid(Map<String, String> errors) {
        Map.Entry<String, String> first = errors.entrySet().iterator().next();
        ProblemDetail p = badInput(new InputException(first.getKey(), String.join("; ", errors.values())));
        p.setProperty("errors", errors.entrySet().stream().map(x -> Map.of("field", x.getKey(), "message", x.getValue())).toList());
        return p;
    }

    /** What the database refused that no check before it caught: nothing was saved, and nothing of the database is shown. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail refused(DataIntegrityViolationException e) {
        return badInput(new InputException(null, refusal(e)));
    }

    static String refusal(DataIntegrityViolationException e) {
        return String.valueOf(e.getMostSpecificCause().getMessage()).contains("0x00")
                ? "the text has a NUL character, which cannot be stored; nothing was saved"
                : "a value is not one Oversight can store; nothing was saved";
    }

    /** A form or body naming a field its object does not have, such as figures[abc].value. */
    @ExceptionHandler(InvalidPropertyException.class)
    ProblemDetail unknownField(InvalidPropertyException e) {
        return badInput(new InputException(null, "the request names a field that is not on this form; nothing was saved"));
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        p.setTitle("Edit conflict");
        p.setType(URI.create("urn:oversight:problem:conflict"));
        return p;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setTitle("Not found");
        return p;
    }
}
