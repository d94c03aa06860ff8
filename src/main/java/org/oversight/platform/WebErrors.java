package org.oversight.platform;

import jakarta.validation.ConstraintViolationException;
import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** The same errors on the web pages: a GOV.UK error page with the message, never a stack trace. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(annotations = Controller.class)
class WebErrors {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        return page(model, "Page not found", e.getMessage());
    }

    @ExceptionHandler(InputException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badInput(InputException e, Model model) {
        return page(model, "There is a problem", e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(ConflictException e, Model model) {
        return page(model, "Someone else changed this", e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    @ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
    String tooLarge(MaxUploadSizeExceededException e, Model model) {
        return page(model, "The file is too large", "The file is larger than this form accepts. Nothing was loaded.");
    }

    @ExceptionHandler(MultipartException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String notAnUpload(MultipartException e, Model model) {
        return page(model, "There is a problem", "The form did not arrive as a file upload: choose the file and send the form again. Nothing was loaded.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String mismatch(MethodArgumentTypeMismatchException e, Model model) {
        return page(model, "There is a problem", "The " + e.getName() + " in the web address: " + ProblemHandling.unreadable(e) + ".");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(ConstraintViolationException e, Model model) {
        return page(model, "There is a problem", String.join(". ", ProblemHandling.violations(e).values()) + ". Nothing was saved.");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused(DataIntegrityViolationException e, Model model) {
        String why = ProblemHandling.refusal(e);
        return page(model, "There is a problem", Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".");
    }

    @ExceptionHandler(InvalidPropertyException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String unknownField(InvalidPropertyException e, Model model) {
        return page(model, "There is a problem", "The form sent a box this page does not have. Nothing was saved: open the page again and send it from there.");
    }

    private static String page(Model model, String title, String message) {
        model.addAttribute("heading", title);
        model.addAttribute("message", message);
        return "problem";
    }
}
