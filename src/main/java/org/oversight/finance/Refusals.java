package org.oversight.finance;

import java.util.function.Supplier;

import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;

/**
 * Where a refused change is shown, when it is not at a box of the form: FormErrors puts a conflict under 'form', which on a page
 * of several forms would not say which one was refused, and a file's bad cell under its column, which is no box of the page.
 */
final class Refusals {

    private Refusals() {
    }

    /** The change, its conflict (a stale version, a schedule approved since) shown at its own form, {@code formKey}. */
    static <T> Supplier<T> atForm(String formKey, Supplier<T> change) {
        return () -> {
            try {
                return change.get();
            } catch (ConflictException e) {
                throw new InputException(formKey, e.getMessage());
            }
        };
    }

    /** A file's load, a bad cell of it (named by its row and column) or a conflict shown at the file's box. */
    static <T> Supplier<T> atFile(Supplier<T> load) {
        return () -> {
            try {
                return load.get();
            } catch (InputException e) {
                if (e.row() == null && e.field() != null) {
                    throw e;
                }
                throw new InputException("file", e.row() == null ? e.problem() : e.getMessage());
            } catch (ConflictException e) {
                throw new InputException("file", e.getMessage());
            }
        };
    }
}
